/// A finished response, ready for any HTTP framework to send.
public struct KubeAPIResponse: Sendable, Hashable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// 200 with a JSON body; an object that fails to encode (a bug, not
    /// input) still yields a well-formed `Status`.
    static func json(_ value: some Encodable) -> KubeAPIResponse {
        do {
            return KubeAPIResponse(status: 200, contentType: KubeJSON.contentType, body: try KubeJSON.encode(value))
        } catch {
            return failure(.internalError("encoding the response failed: \(error)"))
        }
    }

    /// The `Status` body for an error, with its HTTP code.
    public static func failure(_ error: KubeAPIError) -> KubeAPIResponse {
        let body = (try? KubeJSON.encode(error.status))
            ?? Array(#"{"apiVersion":"v1","code":500,"kind":"Status","metadata":{},"reason":"InternalError","status":"Failure"}"#.utf8)
        return KubeAPIResponse(status: error.httpCode, contentType: KubeJSON.contentType, body: body)
    }

    static let healthy = KubeAPIResponse(status: 200, contentType: "text/plain; charset=utf-8", body: Array("ok".utf8))
}
