import Testing
@testable import Scaling

@Suite struct QuantityTests {
    @Test(arguments: [
        ("500m", 0.5),
        ("1k", 1000.0),
        ("100Mi", 104_857_600.0),
        ("2Gi", 2_147_483_648.0),
        ("1.5Ki", 1536.0),
        ("250u", 0.000_25),
        ("3n", 3e-9),
        ("1M", 1e6),
        ("2E", 2e18),  // E alone is exa, not an exponent
        ("1e3", 1000.0),
        ("2.5E-2", 0.025),
        ("+7", 7.0),
        ("-1.5", -1.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("0", 0.0),
    ])
    func parsesKubernetesSyntax(text: String, expected: Double) throws {
        #expect(try Quantity(parsing: text).value == expected)
    }

    @Test(arguments: ["", "m", "1K", "1 k", "1kk", "1e", "1e1.5", "abc", "1..2", "--1", "1Mi ", " 1"])
    func rejectsWhatTheAPIServerRejects(text: String) {
        #expect(throws: QuantityError.self) { try Quantity(parsing: text) }
    }

    @Test func errorNamesTheSuffix() {
        #expect(throws: QuantityError(text: "1K", reason: "has an unknown suffix \"K\" (use n u m k M G T P E, Ki Mi Gi Ti Pi Ei, or eN)")) {
            try Quantity(parsing: "1K")
        }
    }

    @Test(arguments: [(0.05, "50m"), (1000.0, "1000"), (2_147_483_648.0, "2Gi"), (1.5, "1500m"), (0.0, "0")])
    func formatsShortAndReparses(value: Double, expected: String) throws {
        #expect(Quantity.format(value) == expected)
        #expect(try Quantity(parsing: expected).value == value)
    }
}
