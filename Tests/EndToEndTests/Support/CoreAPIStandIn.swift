import Foundation

/// A stand-in for the part of kube-apiserver `kubectl top node` needs
/// besides the metrics API: `GET /api/v1/nodes[/{name}]` from a fixture;
/// every other request is forwarded, with its credentials, to agent360's
/// secure listener. A Python HTTPS server started on a free port.
struct CoreAPIStandIn: Sendable {
    let process: ManagedProcess
    let url: String

    static let script = #"""
    import http.server, json, ssl, sys, urllib.error, urllib.request
    port, upstream, cert, key, nodes_file = sys.argv[1:]
    nodes = json.load(open(nodes_file))
    insecure = ssl.create_default_context()
    insecure.check_hostname = False
    insecure.verify_mode = ssl.CERT_NONE

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            path = self.path.split("?")[0]
            code, kind, body = 200, "application/json", None
            if path == "/api/v1/nodes":
                body = json.dumps(nodes).encode()
            elif path.startswith("/api/v1/nodes/"):
                found = [n for n in nodes["items"] if n["metadata"]["name"] == path.rsplit("/", 1)[1]]
                body = json.dumps(dict(found[0], kind="Node", apiVersion="v1")).encode() if found else None
                if not found:
                    code, body = 404, b'{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}'
            else:
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("authorization", "accept")}
                try:
                    with urllib.request.urlopen(urllib.request.Request(upstream + self.path, headers=headers), context=insecure) as r:
                        code, kind, body = r.status, r.headers.get("Content-Type", kind), r.read()
                except urllib.error.HTTPError as e:
                    code, kind, body = e.code, e.headers.get("Content-Type", kind), e.read()
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.serve_forever()
    """#

    static func start(upstream: String, pki: OpenSSLPKI, nodeList: String) async throws -> CoreAPIStandIn {
        _ = try pki.certificateAuthority("standin-ca")
        let (cert, key) = try pki.serverCertificate("standin", ca: "standin-ca")
        let nodesFile = pki.path("nodes.json")
        try nodeList.write(toFile: nodesFile, atomically: true, encoding: .utf8)
        let port = try freePort()
        let process = try ManagedProcess(name: "core-api-standin", executable: "/usr/bin/env",
                                         arguments: ["python3", "-c", script, "\(port)", upstream, cert, key, nodesFile])
        let standIn = CoreAPIStandIn(process: process, url: "https://127.0.0.1:\(port)")
        for _ in 0..<100 {
            let probe = try runCommand("/usr/bin/curl", ["-sk", "-o", "/dev/null", "-w", "%{http_code}", "\(standIn.url)/api/v1/nodes"])
            if probe.output == "200" { return standIn }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        await process.stop()
        throw TestFailure("core API stand-in did not start: \(process.output)")
    }
}
