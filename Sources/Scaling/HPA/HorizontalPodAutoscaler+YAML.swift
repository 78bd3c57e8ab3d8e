import Yams

extension HorizontalPodAutoscaler {
    /// Reads the first HorizontalPodAutoscaler in a YAML stream.
    ///
    /// The stream may hold other manifests (a Deployment next to its HPA) or a
    /// `kind: List`; those are skipped so `agent360 simulate -f app.yaml` works
    /// on the file the operator is about to apply. Throws `HPASpecError` with
    /// the field path and line for anything the API server would reject.
    public static func parse(yaml: String) throws -> HorizontalPodAutoscaler {
        guard let first = try parseAll(yaml: yaml).first else {
            throw HPASpecError(field: "", .malformed("no document with kind: HorizontalPodAutoscaler found"))
        }
        return first
    }

    /// Every HorizontalPodAutoscaler in a YAML stream, in order.
    public static func parseAll(yaml: String) throws -> [HorizontalPodAutoscaler] {
        let documents: [Node]
        do {
            documents = Array(try Yams.compose_all(yaml: yaml))
        } catch {
            throw HPASpecError(field: "", .malformed("not valid YAML: \(error)"))
        }
        var result: [HorizontalPodAutoscaler] = []
        for document in documents {
            for candidate in autoscalerNodes(in: document) {
                result.append(try decode(candidate))
            }
        }
        return result
    }

    private static func autoscalerNodes(in document: Node) -> [Node] {
        switch document["kind"]?.string {
        case "HorizontalPodAutoscaler":
            return [document]
        case "List":
            return document["items"]?.sequence.map { Array($0).flatMap(autoscalerNodes(in:)) } ?? []
        default:
            return []
        }
    }

    private static func decode(_ node: Node) throws -> HorizontalPodAutoscaler {
        do {
            return try YAMLDecoder().decode(HorizontalPodAutoscaler.self, from: node)
        } catch var error as HPASpecError {
            error.line = line(of: error.field, in: node)
            throw error
        } catch let error as DecodingError {
            throw specError(from: error, in: node)
        }
    }

    /// Yams reports type mismatches with a coding path; turn it into a field path and line.
    private static func specError(from error: DecodingError, in node: Node) -> HPASpecError {
        let context: DecodingError.Context
        let problem: String
        switch error {
        case .typeMismatch(let type, let ctx):
            context = ctx
            problem = "expected \(expectedName(type))"
        case .valueNotFound(let type, let ctx):
            context = ctx
            problem = "expected \(expectedName(type))"
        case .keyNotFound(let key, let ctx):
            context = ctx
            problem = "missing \(key.stringValue)"
        case .dataCorrupted(let ctx):
            context = ctx
            problem = ctx.debugDescription
        @unknown default:
            return HPASpecError(field: "", .malformed(String(describing: error)))
        }
        let field = fieldPath(context.codingPath)
        return HPASpecError(field: field, .malformed(problem), line: line(of: field, in: node))
    }

    private static func expectedName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "an integer"
        case is String.Type: "a string"
        case is Double.Type: "a number"
        default: "a \(type)"
        }
    }

    static func fieldPath(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }

    /// The line of the deepest node on `field`'s path that exists; for a
    /// missing field that is its parent, which is where the operator must add it.
    static func line(of field: String, in root: Node) -> Int? {
        var node = root
        var line = root.mark?.line
        for component in pathComponents(field) {
            if let index = Int(component) {
                guard let items = node.sequence, index < items.count else { break }
                node = items[index]
                line = node.mark?.line ?? line
            } else {
                // The key's line, not the value's: a block value starts on the
                // next line, and a missing child belongs under its parent key.
                guard let pair = node.mapping?.first(where: { $0.key.string == component }) else { break }
                node = pair.value
                line = pair.key.mark?.line ?? line
            }
        }
        return line
    }

    private static func pathComponents(_ field: String) -> [String] {
        field.split(whereSeparator: { $0 == "." || $0 == "[" || $0 == "]" }).map(String.init)
    }
}
