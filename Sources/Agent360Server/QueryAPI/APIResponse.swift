import Hummingbird
import NIOCore

/// Prometheus's response envelope for every `/api/v1/…` endpoint:
/// `{"status":"success","data":…}` or the error object with its status code.
enum APIResponse {
    /// Largest form body read (4 MiB: a PromQL query of that size is already
    /// absurd; Go's form parser, and so Prometheus, stops at 10 MiB).
    static let maxBodyBytes = 4 << 20
    /// Largest query string: Prometheus (Go's server) refuses request lines
    /// and headers over 1 MiB with 431; agent360 answers 414 in JSON.
    static let maxQueryBytes = 1 << 20

    /// Merges URL and form-body parameters (Prometheus accepts both), runs
    /// `body`, and wraps its data or its error. Oversized input is refused
    /// before any work: 413 for a body, 414 for a query string.
    static func respond(_ request: Request, _ body: (FormValues) async throws(APIError) -> JSONWriter) async -> Response {
        let query = request.uri.query ?? ""
        if query.utf8.count > maxQueryBytes {
            return failure(APIError(.badData, "query string of \(query.utf8.count) bytes exceeds the limit of \(maxQueryBytes) bytes; send long queries as a POST form body"), status: 414)
        }
        var values = FormValues()
        if request.method == .post,
           request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            switch await formBody(request) {
            case .values(let form): values.merge(form)
            case .refused(let refusal): return refusal
            }
        }
        values.merge(FormValues(encoded: query))
        do {
            return success(try await body(values))
        } catch {
            return failure(error)
        }
    }

    private enum FormBody {
        case values(FormValues)
        case refused(Response)
    }

    /// The decoded form body, or the 413 (declared or found over the limit)
    /// or 400 (unreadable) response.
    private static func formBody(_ request: Request) async -> FormBody {
        let tooLarge = { (size: String) in
            FormBody.refused(failure(
                APIError(.badData, "request body\(size) exceeds the limit of \(maxBodyBytes) bytes"), status: 413))
        }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > maxBodyBytes {
            return tooLarge(" of \(declared) bytes")
        }
        var request = request
        do {
            return .values(FormValues(encoded: String(buffer: try await request.collectBody(upTo: maxBodyBytes))))
        } catch is NIOTooManyBytesError {
            return tooLarge("")
        } catch {
            return .refused(failure(APIError(.badData, "request body unreadable: \(error)")))
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

    /// The error envelope, with the error kind's status unless `status` says otherwise.
    static func failure(_ error: APIError, status: Int? = nil) -> Response {
        Response(status: .init(code: status ?? error.kind.status), headers: [.contentType: "application/json"],
                 body: .init(byteBuffer: ByteBuffer(bytes: error.json)))
    }
}
