import Hummingbird

/// Prometheus's response envelope for every `/api/v1/…` endpoint:
/// `{"status":"success","data":…}` or the error object with its status code.
enum APIResponse {
    /// Merges URL and form-body parameters (Prometheus accepts both), runs
    /// `body`, and wraps its data or its error.
    static func respond(_ request: Request, _ body: (FormValues) async throws(APIError) -> JSONWriter) async -> Response {
        var values = FormValues()
        if request.method == .post,
           request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            var request = request
            guard let buffer = try? await request.collectBody(upTo: 4 << 20) else {
                return failure(APIError(.badData, "request body too large or unreadable"))
            }
            values.merge(FormValues(encoded: String(buffer: buffer)))
        }
        values.merge(FormValues(encoded: request.uri.query ?? ""))
        do {
            return success(try await body(values))
        } catch {
            return failure(error)
        }
    }

    static func success(_ data: JSONWriter) -> Response {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.bytes.count + 40)
        bytes.append(contentsOf: #"{"status":"success","data":"#.utf8)
        bytes.append(contentsOf: data.bytes)
        bytes.append(UInt8(ascii: "}"))
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func failure(_ error: APIError) -> Response {
        Response(status: .init(code: error.kind.status), headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: error.json)))
    }
}
