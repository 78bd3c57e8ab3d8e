/// Why a series' label set was refused; rendered only for the first few.
enum LabelProblem {
    case emptyName
    case invalidName(UnsafeRawBufferPointer)
    case invalidValue(name: UnsafeRawBufferPointer)
    case duplicateName(UnsafeRawBufferPointer)
    case missingMetricName

    var detail: String {
        switch self {
        case .emptyName:
            return "empty label name"
        case .invalidName(let name):
            return "invalid label name \"\(SeriesText.escaped(name))\""
        case .invalidValue(let name):
            return "value of label \"\(SeriesText.escaped(name))\" is not valid UTF-8"
        case .duplicateName(let name):
            return "duplicate label name \"\(SeriesText.escaped(name))\""
        case .missingMetricName:
            return "missing metric name (no non-empty __name__ label)"
        }
    }
}
