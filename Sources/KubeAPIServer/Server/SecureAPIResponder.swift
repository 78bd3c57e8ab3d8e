import Foundation
import Hummingbird
import KubeMetricsAPI
import Logging

/// Answers every request of the secure listener: health without
/// credentials; everything else authenticated, authorized, then handed to
/// `KubeMetricsService`. Every failure is a Kubernetes `Status` object.
struct SecureAPIResponder: HTTPResponder {
    typealias Context = SecureRequestContext

    let observer: SecureAPIServer.RequestObserver?
    let service: KubeMetricsService
    let authenticator: RequestAuthenticator
    let authorizer: RequestAuthorizer
    let readiness: @Sendable () -> Bool

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let observer else { return try await answer(request, context: context) }
        let started = ContinuousClock.now
        let response = try await answer(request, context: context)
        observer(Self.route(request.uri.path), request.method.rawValue, response.status.code, ContinuousClock.now - started)
        return response
    }

    /// A route pattern for metrics: never the raw path, whose namespaces and
    /// metric names would make unbounded label values.
    static func route(_ path: String) -> String {
        let parts = path.split(separator: "/")
        switch parts.first {
        case "apis": return "/" + parts.prefix(3).joined(separator: "/")
        case "openapi": return "/openapi"
        default: return ["/healthz", "/livez", "/readyz"].contains(path) ? path : "other"
        }
    }

    private func answer(_ request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let method = request.method.rawValue
        switch path {
        case "/healthz", "/livez":
            return .text(200, "ok")
        case "/readyz":
            return readiness() ? .text(200, "ok") : .text(503, "readyz check failed: not ready to serve metrics")
        default:
            break
        }

        let started = ContinuousClock.now
        let (chain, unparsable) = await context.presentedCertificates()
        let credentials = RequestCredentials(presentedChain: chain, headers: request.headers)
        let outcome = await authenticator.authenticate(credentials)
        guard case .authenticated(let user, let how) = outcome else {
            var reasons: [String] = []
            if case .unauthenticated(let found) = outcome { reasons = found }
            if let unparsable { reasons.insert(unparsable, at: 0) }
            context.logger.debug("secure API request unauthenticated", metadata: [
                "method": "\(method)", "path": "\(path)", "reasons": "\(reasons.joined(separator: "; "))",
            ])
            return .failure(.unauthorized)
        }

        let attributes = RequestAttributes(method: method, path: path)
        switch await authorizer.authorize(user, attributes) {
        case .allow:
            break
        case .deny(let reason):
            context.logger.debug("secure API request forbidden", metadata: [
                "user": "\(user.name)", "auth": "\(how.rawValue)", "request": "\(attributes)", "reason": "\(reason)",
            ])
            return .failure(.forbidden(user: user, attributes: attributes, reason: reason))
        case .error(let message):
            context.logger.warning("authorization failed", metadata: ["user": "\(user.name)", "error": "\(message)"])
            return .failure(KubeAPIError(.internalError, "authorization failed: \(message)"))
        }

        // Before the store is restored (WAL replay) a rate over a window
        // would be computed from partial data: the HPA must hold instead.
        guard readiness() else {
            return .failure(KubeAPIError(.serviceUnavailable, "agent360 is not ready yet (restoring stored samples); retry shortly"))
        }

        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let answer = await service.handle(method: method, path: path, query: request.uri.query ?? "", at: now)
        context.logger.debug("secure API request", metadata: [
            "method": "\(method)", "path": "\(path)", "user": "\(user.name)", "auth": "\(how.rawValue)",
            "status": "\(answer.status)", "duration": "\(ContinuousClock.now - started)",
        ])
        return Response(answer)
    }
}

extension Response {
    init(_ answer: KubeAPIResponse) {
        self.init(
            status: HTTPResponse.Status(code: answer.status),
            headers: [.contentType: answer.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    static func failure(_ error: KubeAPIError) -> Response {
        Response(KubeAPIResponse.failure(error))
    }

    static func text(_ status: Int, _ text: String) -> Response {
        Response(KubeAPIResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8)))
    }
}
