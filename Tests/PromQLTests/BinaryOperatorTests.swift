import Testing
import TSDB
@testable import PromQL

@Suite("Binary operators and vector matching")
struct BinaryOperatorTests {
    let fixture = try! Fixture(interval: 15_000, """
        errors{job="api", code="500"} 3
        errors{job="api", code="503"} 1
        errors{job="web", code="500"} 4
        requests{job="api"} 100
        requests{job="web"} 50
        info{job="api", version="1.2"} 1
        up{job="api"} 1
        up{job="web"} 0
        """)

    @Test("scalar arithmetic follows IEEE and Go")
    func scalars() async throws {
        #expect(try await fixture.value("1 + 2 * 3", at: 0) == 7)
        #expect(try await fixture.value("2 ^ 3 ^ 2", at: 0) == 512)
        #expect(try await fixture.value("-2 ^ 2", at: 0) == -4)
        #expect(try await fixture.value("1 / 0", at: 0) == .infinity)
        #expect(try await fixture.value("0 / 0", at: 0)?.isNaN == true)
        #expect(try await fixture.value("-5 % 3", at: 0) == -2)       // sign of the dividend, like Go
        #expect(try await fixture.value("5.5 % -2", at: 0) == 1.5)
        #expect(try await fixture.value("1 < bool 2", at: 0) == 1)
        #expect(try await fixture.value("2 atan2 1", at: 0) == 1.1071487177940904)
    }

    @Test("vector ⨯ scalar drops the name for arithmetic, keeps it for filters")
    func vectorScalar() async throws {
        #expect(try await fixture.vector("requests * 2", at: 0) == [#"{job="api"}"#: 200, #"{job="web"}"#: 100])
        #expect(try await fixture.vector("requests > 60", at: 0) == [#"requests{job="api"}"#: 100])
        #expect(try await fixture.vector("60 < requests", at: 0) == [#"requests{job="api"}"#: 100]) // the vector's value
        #expect(try await fixture.vector("requests > bool 60", at: 0) == [#"{job="api"}"#: 1, #"{job="web"}"#: 0])
    }

    @Test("one-to-one matching on all labels but the name")
    func oneToOne() async throws {
        #expect(try await fixture.vector("requests / up", at: 0) == [#"{job="api"}"#: 100, #"{job="web"}"#: .infinity])
        #expect(try await fixture.vector("requests and up == 1", at: 0) == [#"requests{job="api"}"#: 100])
        #expect(try await fixture.vector("requests unless up == 1", at: 0) == [#"requests{job="web"}"#: 50])
    }

    @Test("group_left divides many errors by their job's requests")
    func manyToOne() async throws {
        let ratio = try await fixture.vector("errors / on(job) group_left requests", at: 0)
        #expect(ratio == [#"{code="500", job="api"}"#: 0.03, #"{code="503", job="api"}"#: 0.01, #"{code="500", job="web"}"#: 0.08])
        // group_left(version) copies the label from the "one" side.
        let joined = try await fixture.vector("requests * on(job) group_left(version) info", at: 0)
        #expect(joined == [#"{job="api", version="1.2"}"#: 100])
        let right = try await fixture.vector("requests * on(job) group_right errors", at: 0)
        #expect(right.count == 3)
    }

    @Test("ambiguous matches fail with Prometheus's messages")
    func matchingErrors() async throws {
        let manyToMany = await fixture.error("requests / on(job) errors", at: 0)
        #expect(manyToMany?.kind == .execution)
        #expect(manyToMany?.message == #"found duplicate series for the match group {job="api"} on the right hand-side of the operation: [{__name__="errors", code="503", job="api"}, {__name__="errors", code="500", job="api"}];many-to-many matching not allowed: matching labels must be unique on one side"#)
        let implicit = await fixture.error("errors / on(job) requests", at: 0)
        #expect(implicit?.message == "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
    }

    @Test("or fills in series missing on the left")
    func or() async throws {
        let result = try await fixture.vector(#"requests{job="api"} or requests"#, at: 0)
        #expect(result == [#"requests{job="api"}"#: 100, #"requests{job="web"}"#: 50])
        #expect(try await fixture.vector("up == 1 or on() vector(0)", at: 0) == [#"up{job="api"}"#: 1])
        #expect(try await fixture.vector(#"nothing or on() vector(0)"#, at: 0) == ["{}": 0])
    }

    @Test("comparisons keep the left value and name")
    func comparisons() async throws {
        // One-to-one `on(job)` keeps only the `on` labels, so the name goes too.
        #expect(try await fixture.vector("requests > on(job) up", at: 0) == [#"{job="api"}"#: 100, #"{job="web"}"#: 50])
        #expect(try await fixture.vector("requests > up", at: 0) == [#"requests{job="api"}"#: 100, #"requests{job="web"}"#: 50])
        #expect(try await fixture.vector("up == bool on(job) up", at: 0) == [#"{job="api"}"#: 1, #"{job="web"}"#: 1])
    }
}
