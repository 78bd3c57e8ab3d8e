import FuzzSupport
import PromQL
import TSDB

// The input is a PromQL query. One that parses must print (Expr.description)
// to text that parses again to the same printout; it is then evaluated as an
// instant and as a range query against a small store, where only clean
// errors (QueryError) are allowed.

let store = FuzzStore.make()
let engine = Engine(options: Engine.Options(timeout: .seconds(5), maxSamples: 200_000, maxPointsPerSeries: 200))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let expr = try? parse(FuzzInput(start, count).text) else { return 0 }
    let printed = expr.description
    let reparsed: Expr
    do {
        reparsed = try parse(printed)
    } catch {
        fuzzFailure("printed query \(printed) does not parse: \(error)")
    }
    guard reparsed.description == printed else {
        fuzzFailure("printing is not stable: \(printed) then \(reparsed.description)")
    }
    runBlocking {
        _ = try? await engine.instantQuery(expr, at: FuzzStore.end, querier: store)
        _ = try? await engine.rangeQuery(
            expr, start: FuzzStore.end - 600_000, end: FuzzStore.end, step: 60_000, querier: store)
    }
    return 0
}
