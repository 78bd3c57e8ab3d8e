import Testing
@testable import KubeMetricsAPI

@Suite struct QuantityFromDoubleTests {
    @Test(arguments: [
        (1.5, "1500m"),
        (2000, "2k"),
        (0, "0"),
        (-0.0, "0"),
        (0.0001, "1m"),            // non-zero never becomes 0: 0.1m → 1m
        (-0.0001, "-1m"),
        (1e9, "1G"),
        (123.456, "123456m"),
        (-1.5, "-1500m"),
        (-2000, "-2k"),
        (1, "1"),
        (0.001, "1m"),
        (0.0015, "2m"),            // 1.5m, half away from zero
        (0.0014, "1m"),
        (1.0004, "1"),             // 1000.4m → 1000m = 1
        (1.0005, "1001m"),
        (9.9999, "10"),            // 9999.9m → 10000m
        (0.1 + 0.2, "300m"),       // 0.30000000000000004: float noise must not add a milli
        (0.29999999999999998, "300m"),
        (1500, "1500"),
        (1e3, "1k"),
        (12345678, "12345678"),
        (12345.678, "12345678m"),
        (1e15, "1P"),
        (1e18, "1E"),
        (1e19, "10E"),
        (1e21, "1e21"),            // beyond E: exponent form, still exact
        (0.1, "100m"),
        (100, "100"),
        (2.5e-7, "1m"),
    ] as [(Double, String)])
    func canonicalText(value: Double, expected: String) throws {
        #expect(try Quantity(value).description == expected)
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteValuesAreErrors(value: Double) {
        #expect(throws: QuantityError.self) { try Quantity(value) }
    }

    @Test func nonFiniteErrorNamesTheValue() {
        do {
            _ = try Quantity(Double.nan)
            Issue.record("NaN must not convert")
        } catch {
            #expect(error.description == "nan cannot be expressed as a quantity: only finite numbers can")
        }
    }

    @Test func textParsesBackToTheSameAmount() throws {
        for value in [1.5, 2000, 0.0001, 123.456, -42.25, 1e21, 7e-3, 98765.4321] {
            let quantity = try Quantity(value)
            #expect(try Quantity(parsing: quantity.description) == quantity)
        }
    }

    @Test func milliValueMatchesNewMilliQuantity() throws {
        #expect(Quantity(milliValue: 1500).description == "1500m")
        #expect(Quantity(milliValue: 2000).description == "2")
        #expect(Quantity(milliValue: -3_000_000).description == "-3k")
        #expect(Quantity(milliValue: 0).description == "0")
        #expect(try Quantity(1.5).milliValue == 1500)
    }
}

@Suite struct QuantityParsingTests {
    /// Expected texts are what kubectl v1.32 prints for the same input
    /// (`kubectl set resources --local --limits=example.com/q=<text> -o json`
    /// runs apimachinery's ParseQuantity and canonical JSON form), except
    /// where `apimachineryDifferences` says otherwise.
    @Test(arguments: [
        ("1Ki", "1Ki"),
        ("1.5Gi", "1536Mi"),       // 1.5 × 2^30 = 1536 × 2^20
        ("0.5Ki", "512"),          // below 1024: printed as decimal SI
        ("1.1Ki", "1126400m"),     // 1126.4, not whole: decimal SI keeps precision
        ("0.001Ki", "1024m"),      // 1.024
        ("1024Ki", "1Mi"),
        ("1025", "1025"),
        ("1Mi", "1Mi"),
        ("-1Ki", "-1Ki"),
        ("8Ei", "9223372036854775807"),   // 2^63 capped to 2^63-1 (odd, so no suffix)
        ("-16Ei", "-9223372036854775807"),
        ("1e3", "1e3"),
        ("1.5e3", "1500"),         // exponent 2 steps down to 0
        ("12e-2", "120e-3"),
        ("1E", "1E"),              // E alone is exa
        ("1500m", "1500m"),
        ("1.5", "1500m"),
        ("2000", "2k"),
        ("100000", "100k"),
        ("5M", "5M"),
        ("-0", "0"),
        ("0", "0"),
        ("00", "0"),
        ("0Ki", "0"),
        (".5", "500m"),
        ("0.0001", "100u"),        // ParseQuantity keeps nano precision
        ("0.1m", "100u"),
        ("1.5n", "2n"),            // rounded up (away from zero) to a nano
        ("-1.5n", "-2n"),
        ("1e-12", "1e-9"),         // rounded up to a nano
        ("2.5e-7", "250e-9"),
        ("1.0004", "1000400u"),
        ("-0.0001", "-100u"),
        ("123456789012345678901234567890", "123456789012345678901234567890"),
    ] as [(String, String)])
    func canonicalForm(text: String, expected: String) throws {
        #expect(try Quantity(parsing: text).description == expected)
    }

    /// Where kubectl v1.32 prints something else, and why we do not copy it.
    @Test func apimachineryDifferences() throws {
        // apimachinery echoes the input text when its fast path thinks it is
        // canonical ("+2k", "1E3", "1e+3", "1.", "12345.678"); we always print
        // the canonical form of the amount.
        #expect(try Quantity(parsing: "+2k").description == "2k")
        #expect(try Quantity(parsing: "1E3").description == "1e3")
        #expect(try Quantity(parsing: "1e+3").description == "1e3")
        #expect(try Quantity(parsing: "1.").description == "1")
        #expect(try Quantity(parsing: "12345.678").description == "12345678m")
        // apimachinery prints 1000E as "1" (no SI suffix for 10^21): the
        // magnitude would be lost.
        #expect(try Quantity(parsing: "1000E").description == "1e21")
        // apimachinery reads "-", "." and "m" as zero; they are errors here.
        for text in ["-", ".", "m"] {
            #expect(throws: QuantityError.self) { try Quantity(parsing: text) }
        }
    }

    @Test func exactBinaryFraction() throws {
        // 1.000000001 × 2^60 = 1152921504606846976 + 1152921504.606846976
        //                    = 1152921505759768480.606846976 (exact, 9 decimals: no nano rounding)
        // It is not whole, so it prints as decimal SI in nanos.
        let quantity = try Quantity(parsing: "1.000000001Ei")
        #expect(quantity.description == "1152921505759768480606846976n")
    }

    @Test func binaryAndDecimalCompareByAmount() throws {
        #expect(try Quantity(parsing: "1Ki") == Quantity(integerValue: 1024))
        #expect(try Quantity(parsing: "1k") == Quantity(integerValue: 1000))
        #expect(try Quantity(parsing: "1500m") == Quantity(parsing: "1.5"))
        #expect(try Quantity(parsing: "1Ki") > Quantity(parsing: "1k"))
        #expect(try Quantity(parsing: "-1") < Quantity(parsing: "1m"))
    }

    @Test func numericViews() throws {
        #expect(try Quantity(parsing: "1536Mi").doubleValue == 1_610_612_736)
        #expect(try Quantity(parsing: "100u").milliValue == 1)    // MilliValue rounds up
        #expect(try Quantity(parsing: "-100u").milliValue == -1)
        #expect(try Quantity(parsing: "2k").milliValue == 2_000_000)
        #expect(try Quantity(parsing: "1e30").milliValue == nil)
    }

    @Test func extremeInputsStayCheap() throws {
        // An exponent near Int32.max must not materialise its zeros.
        let huge = try Quantity(parsing: "1e2147483647")
        #expect(huge.milliValue == nil)
        #expect(huge.description == "10e2147483646")   // exponent stepped down to a multiple of three
        #expect(try Quantity(parsing: "1e-2147483648").description == "1e-9")  // rounded up to a nano
        let longDigits = String(repeating: "9", count: 10_000) + "Ki"
        #expect(try Quantity(parsing: longDigits).description == "9223372036854775807")  // capped binary amount
    }

    @Test(arguments: [
        ("", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        (" 1", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        ("1 ", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        ("abc", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        ("1.2.3", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        ("1Kib", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        ("--1", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        ("-", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        ("m", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"),
        ("1K", "unable to parse quantity's suffix"),
        ("1e", "unable to parse quantity's suffix"),
        ("1ee3", "unable to parse quantity's suffix"),
        ("1Ki3", "unable to parse quantity's suffix"),
        ("1e99999999999", "unable to parse quantity's suffix"),
    ] as [(String, String)])
    func malformedTextIsAnError(text: String, message: String) {
        do {
            let quantity = try Quantity(parsing: text)
            Issue.record("\(text) parsed as \(quantity)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func jsonIsTheCanonicalString() throws {
        #expect(try KubeJSON.encodeToString([Quantity(1.5)]) == #"["1500m"]"#)
        let decoded = try KubeJSON.decode([Quantity].self, from: Array(#"["1.5Gi", 5, "0.5"]"#.utf8))
        #expect(decoded.map(\.description) == ["1536Mi", "5", "500m"])
    }
}
