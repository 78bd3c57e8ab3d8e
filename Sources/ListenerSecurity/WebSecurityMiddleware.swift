import HTTPTypes
import Hummingbird

/// Basic authentication and the configured response headers for every
/// route of the plain listener except the health probes.
///
/// The kubelet's probes carry no credentials, and liveness must not depend
/// on a secret that may be rotating; they reveal nothing but "ok".
public struct WebSecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    public static var unauthenticatedPaths: Set<String> { ["/healthz", "/livez", "/readyz"] }

    let security: WebSecurity

    public init(security: WebSecurity) {
        self.security = security
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let state = security.current
        var response: Response
        var allowed = Self.unauthenticatedPaths.contains(request.uri.path)
        if !allowed { allowed = await state.authenticator.authenticate(authorization: request.headers[.authorization]) }
        if allowed {
            response = try await next(request, context)
        } else {
            response = Response(
                status: .unauthorized,
                headers: [.wwwAuthenticate: "Basic realm=\"agent360\", charset=\"UTF-8\"", .contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "Unauthorized\n")))
        }
        for header in state.config.headers {
            if let name = HTTPField.Name(header.name) { response.headers[name] = header.value }
        }
        return response
    }
}
