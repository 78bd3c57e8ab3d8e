/// Groups parsed samples and metadata into families in order of first
/// appearance, enforcing the text format's rules about HELP and TYPE.
struct FamilyAssembler {
    private(set) var families: [MetricFamily] = []
    private var hasDeclaredType: [Bool] = []
    private var hasDeclaredHelp: [Bool] = []
    private var indexByName: [String: Int] = [:]
    /// The family of the previous line: the next sample almost always joins it.
    private var current: Int?

    mutating func setHelp(_ help: String, forFamily name: String, line: Int) throws(ExpositionParseError) {
        let index = familyIndex(named: name)
        guard !hasDeclaredHelp[index] else { throw ExpositionParseError(line: line, .duplicateHelp(name)) }
        hasDeclaredHelp[index] = true
        families[index].help = help
        current = index
    }

    mutating func setType(_ type: MetricType, forFamily name: String, line: Int) throws(ExpositionParseError) {
        let index = familyIndex(named: name)
        guard !hasDeclaredType[index] else { throw ExpositionParseError(line: line, .duplicateType(name)) }
        guard families[index].samples.isEmpty else { throw ExpositionParseError(line: line, .typeAfterSamples(name)) }
        hasDeclaredType[index] = true
        families[index].type = type
        current = index
    }

    mutating func add(_ parsed: ParsedSample) {
        let index = familyIndex(forSample: parsed.sample.name)
        families[index].samples.append(parsed.sample)
        current = index
    }

    private mutating func familyIndex(named name: String) -> Int {
        if let index = indexByName[name] { return index }
        families.append(MetricFamily(name: name, type: .unknown))
        hasDeclaredType.append(false)
        hasDeclaredHelp.append(false)
        indexByName[name] = families.count - 1
        return families.count - 1
    }

    /// A sample belongs to the current family if its name is the family name
    /// plus a suffix the family's type allows; otherwise to the family of that
    /// exact name, or to a histogram/summary it is the `_bucket`, `_sum` or
    /// `_count` of; otherwise it starts an untyped family.
    private mutating func familyIndex(forSample name: String) -> Int {
        if let current, Self.sample(name, belongsTo: families[current]) { return current }
        if let index = indexByName[name] { return index }
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = name.removingSuffix(suffix)
            if let index = indexByName[base], families[index].type.textFormatSampleSuffixes.contains(suffix) {
                return index
            }
        }
        return familyIndex(named: name)
    }

    private static func sample(_ name: String, belongsTo family: MetricFamily) -> Bool {
        if name == family.name { return true }
        let extraLength = name.utf8.count - family.name.utf8.count
        guard extraLength > 0 else { return false }
        // String's hasPrefix/hasSuffix compare ASCII with memcmp.
        return family.type.textFormatSampleSuffixes.contains { suffix in
            suffix.utf8.count == extraLength && name.hasSuffix(suffix) && name.hasPrefix(family.name)
        }
    }
}
