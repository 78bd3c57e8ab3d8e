import TSDB

/// Queries evaluated by `promtool test rules` (Prometheus 2.42) on the same
/// series; the expected values are Prometheus's, printed exactly.
/// Generated; cases whose result depends on series order (float sums, ties)
/// are left out because Prometheus's own result varies with storage order.
enum CrossCheckData {
    static let basicInterval: Int64 = 15000
    static let basicSeries = """
        foo{a="1"} 0+10x20
        foo{a="2"} 0+3x10 0+3x10
        bar{a="1"} 1e100 1 -1e100 3 stale 5
        avgt{a="1"} 0.1 0.2 0.3 0.7 1.1 1e308 1e308
        avgt{a="2"} 0.3 0.2 0.1 0.9 1.3 1e308 -1e308
        avgt{a="3"} 0.7 0.5 0.1 1.9 1.7 1e308 1e308
        c{a="1"} 5 5 5 5
        cf{a="1"} 0.1 0.1 0.1 0.1 0.1
        big{a="1"} 1e16 1 1 1 -1e16 1
        counter{job="x"} 10 20 5 15 25 _ 30 stale 40 50
        """
    static let basic: [CrossCheck] = [
        CrossCheck(60.0, #"count_over_time(foo[1m])"#, .values([#"{a="1"}"#: 5.0, #"{a="2"}"#: 5.0])),
        CrossCheck(600.0, #"foo"#, .values([#"foo{a="1"}"#: 200.0, #"foo{a="2"}"#: 30.0])),
        CrossCheck(600.001, #"foo"#, .values([#"foo{a="2"}"#: 30.0])),
        CrossCheck(15.0, #"avg(avgt)"#, .values([#"{}"#: 0.3])),
        CrossCheck(60.0, #"avg(avgt)"#, .values([#"{}"#: 1.3666666666666667])),
        CrossCheck(75.0, #"avg(avgt)"#, .values([#"{}"#: 1e+308])),
        CrossCheck(60.0, #"avg_over_time(avgt[1m])"#, .values([#"{a="1"}"#: 0.48, #"{a="2"}"#: 0.5599999999999999, #"{a="3"}"#: 0.98])),
        CrossCheck(60.0, #"stddev_over_time(avgt[1m])"#, .values([#"{a="1"}"#: 0.3709447398198282, #"{a="2"}"#: 0.463033476111609, #"{a="3"}"#: 0.6997142273814361])),
        CrossCheck(60.0, #"stdvar_over_time(avgt[1m])"#, .values([#"{a="1"}"#: 0.13760000000000003, #"{a="2"}"#: 0.2144, #"{a="3"}"#: 0.4896])),
        CrossCheck(45.0, #"deriv(c[1m])"#, .values([#"{a="1"}"#: 0.0])),
        CrossCheck(60.0, #"deriv(avgt[1m])"#, .values([#"{a="1"}"#: 0.016666666666666666, #"{a="2"}"#: 0.017999999999999995, #"{a="3"}"#: 0.02266666666666668])),
        CrossCheck(60.0, #"predict_linear(avgt[1m], 100)"#, .values([#"{a="1"}"#: 2.6466666666666665, #"{a="2"}"#: 2.9000000000000004, #"{a="3"}"#: 3.926666666666665])),
        CrossCheck(60.0, #"predict_linear(cf[1m], 100)"#, .values([#"{a="1"}"#: 0.1])),
        CrossCheck(60.0, #"deriv(cf[1m])"#, .values([#"{a="1"}"#: 0.0])),
        CrossCheck(75.0, #"sum_over_time(big[1m30s])"#, .values([#"{a="1"}"#: 4.0])),
        CrossCheck(75.0, #"avg_over_time(big[1m30s])"#, .values([#"{a="1"}"#: 0.4583333333333333])),
        CrossCheck(45.0, #"sum_over_time(bar[1m])"#, .values([#"{a="1"}"#: 4.0])),
        CrossCheck(120.0, #"rate(foo[1m])"#, .values([#"{a="1"}"#: 0.6666666666666666, #"{a="2"}"#: 0.2])),
        CrossCheck(120.0, #"rate(foo[50s])"#, .values([#"{a="1"}"#: 0.6666666666666667, #"{a="2"}"#: 0.2])),
        CrossCheck(125.0, #"rate(foo[50s])"#, .values([#"{a="1"}"#: 0.6666666666666667, #"{a="2"}"#: 0.2])),
        CrossCheck(150.0, #"increase(foo[1m])"#, .values([#"{a="1"}"#: 40.0, #"{a="2"}"#: 12.0])),
        CrossCheck(150.0, #"delta(foo[1m])"#, .values([#"{a="1"}"#: 40.0, #"{a="2"}"#: 12.0])),
        CrossCheck(200.0, #"irate(foo[1m])"#, .values([#"{a="1"}"#: 0.6666666666666666, #"{a="2"}"#: 0.2])),
        CrossCheck(200.0, #"idelta(foo[1m])"#, .values([#"{a="1"}"#: 10.0, #"{a="2"}"#: 3.0])),
        CrossCheck(300.0, #"rate(foo[5m])"#, .values([#"{a="1"}"#: 0.6666666666666667, #"{a="2"}"#: 0.19])),
        CrossCheck(250.0, #"increase(foo[2m])"#, .values([#"{a="1"}"#: 80.0, #"{a="2"}"#: 20.57142857142857])),
        CrossCheck(120.0, #"rate(counter[2m])"#, .values([#"{job="x"}"#: 0.4166666666666667])),
        CrossCheck(150.0, #"rate(counter[2m])"#, .values([#"{job="x"}"#: 0.42857142857142855])),
        CrossCheck(150.0, #"increase(counter[3m])"#, .values([#"{job="x"}"#: 70.95238095238095])),
        CrossCheck(150.0, #"resets(counter[3m])"#, .values([#"{job="x"}"#: 1.0])),
        CrossCheck(150.0, #"changes(counter[3m])"#, .values([#"{job="x"}"#: 7.0])),
        CrossCheck(150.0, #"irate(counter[3m])"#, .values([#"{job="x"}"#: 0.6666666666666666])),
        CrossCheck(150.0, #"counter"#, .values([#"counter{job="x"}"#: 50.0])),
        CrossCheck(105.0, #"counter"#, .values([:])),
        CrossCheck(120.0, #"counter"#, .values([#"counter{job="x"}"#: 40.0])),
        CrossCheck(120.0, #"last_over_time(counter[1m])"#, .values([#"counter{job="x"}"#: 40.0])),
        CrossCheck(150.0, #"max_over_time(counter[3m])"#, .values([#"{job="x"}"#: 50.0])),
        CrossCheck(150.0, #"min_over_time(counter[3m])"#, .values([#"{job="x"}"#: 5.0])),
        CrossCheck(150.0, #"quantile_over_time(0.3, counter[3m])"#, .values([#"{job="x"}"#: 15.5])),
        CrossCheck(150.0, #"quantile_over_time(0.5, avgt[3m])"#, .values([#"{a="1"}"#: 0.7, #"{a="2"}"#: 0.3, #"{a="3"}"#: 1.7])),
        CrossCheck(150.0, #"present_over_time(counter[3m])"#, .values([#"{job="x"}"#: 1.0])),
        CrossCheck(150.0, #"count_over_time(counter[3m])"#, .values([#"{job="x"}"#: 8.0])),
        CrossCheck(300.0, #"holt_winters(foo[2m], 0.3, 0.6)"#, .values([#"{a="1"}"#: 200.0, #"{a="2"}"#: 26.999999999999993])),
        CrossCheck(150.0, #"rate(foo[1m] offset 30s)"#, .values([#"{a="1"}"#: 0.6666666666666666, #"{a="2"}"#: 0.2])),
        CrossCheck(150.0, #"foo offset 1m"#, .values([#"foo{a="1"}"#: 60.0, #"foo{a="2"}"#: 18.0])),
        CrossCheck(150.0, #"foo @ 60"#, .values([#"foo{a="1"}"#: 40.0, #"foo{a="2"}"#: 12.0])),
        CrossCheck(150.0, #"rate(foo[1m] @ 100)"#, .values([#"{a="1"}"#: 0.6666666666666666, #"{a="2"}"#: 0.19999999999999998])),
        CrossCheck(150.0, #"max_over_time(foo[1m:15s])"#, .values([#"{a="1"}"#: 100.0, #"{a="2"}"#: 30.0])),
        CrossCheck(150.0, #"rate(foo[1m:10s])"#, .values([#"{a="1"}"#: 0.6666666666666666, #"{a="2"}"#: 0.2])),
        CrossCheck(150.0, #"sum_over_time(foo[2m:])"#, .values([#"{a="1"}"#: 120.0, #"{a="2"}"#: 36.0])),
        CrossCheck(150.0, #"-foo"#, .values([#"{a="1"}"#: -100.0, #"{a="2"}"#: -30.0])),
        CrossCheck(150.0, #"foo * 2"#, .values([#"{a="1"}"#: 200.0, #"{a="2"}"#: 60.0])),
        CrossCheck(150.0, #"2 - foo"#, .values([#"{a="1"}"#: -98.0, #"{a="2"}"#: -28.0])),
        CrossCheck(150.0, #"foo > 100"#, .values([:])),
        CrossCheck(150.0, #"100 < foo"#, .values([:])),
        CrossCheck(150.0, #"foo > bool 100"#, .values([#"{a="1"}"#: 0.0, #"{a="2"}"#: 0.0])),
        CrossCheck(150.0, #"foo / on(a) bar"#, .values([#"{a="1"}"#: 20.0])),
        CrossCheck(150.0, #"foo + ignoring(a) group_left c"#, .values([#"{a="1"}"#: 105.0, #"{a="2"}"#: 35.0])),
    ]
    static let opsInterval: Int64 = 30000
    static let opsSeries = """
        http_requests{job="api", instance="0", group="production"} 0+10x10
        http_requests{job="api", instance="1", group="production"} 0+20x10
        http_requests{job="api", instance="0", group="canary"} 0+30x10
        http_requests{job="api", instance="1", group="canary"} 0+40x10
        http_requests{job="app", instance="0", group="production"} 0+50x10
        http_requests{job="app", instance="1", group="production"} 0+60x10
        http_requests{job="app", instance="0", group="canary"} 0+70x10
        http_requests{job="app", instance="1", group="canary"} 0+80x10
        vector_matching_a{l="x"} 0+1x100
        vector_matching_a{l="y"} 0+2x50
        vector_matching_b{l="x"} 0+4x25
        nans{a="1"} NaN NaN NaN
        nans{a="2"} 1 2 3
        nans{a="3"} Inf -Inf 3
        nans{a="4"} 4 NaN 7
        info{job="api", version="1.0"} 1x10
        info{job="app", version="2.0"} 1x10
        hist_bucket{le="0.1", job="a"} 0+1x10
        hist_bucket{le="0.5", job="a"} 0+3x10
        hist_bucket{le="1", job="a"} 0+4x10
        hist_bucket{le="+Inf", job="a"} 0+5x10
        hist_bucket{le="0.1", job="b"} 0+5x10
        hist_bucket{le="1", job="b"} 0+4x10
        hist_bucket{le="Inf", job="b"} 0+10x10
        hist_bucket{le="0.5", job="c"} 1x10
        hist_bucket{le="1", job="c"} 2x10
        neg_bucket{le="-1"} 2x10
        neg_bucket{le="0"} 4x10
        neg_bucket{le="+Inf"} 5x10
        noinf_bucket{le="1"} 2x10
        zero_bucket{le="1"} 0x10
        zero_bucket{le="+Inf"} 0x10
        ts 1700000000 1709251199 951782400 -1 0 1e10 NaN
        """
    static let ops: [CrossCheck] = [
        CrossCheck(300.0, #"sum by (group) (http_requests)"#, .values([#"{group="canary"}"#: 2200.0, #"{group="production"}"#: 1400.0])),
        CrossCheck(300.0, #"sum without (instance) (http_requests)"#, .values([#"{group="canary", job="api"}"#: 700.0, #"{group="canary", job="app"}"#: 1500.0, #"{group="production", job="api"}"#: 300.0, #"{group="production", job="app"}"#: 1100.0])),
        CrossCheck(300.0, #"sum(http_requests) by (job)"#, .values([#"{job="api"}"#: 1000.0, #"{job="app"}"#: 2600.0])),
        CrossCheck(300.0, #"count by (group) (http_requests)"#, .values([#"{group="canary"}"#: 4.0, #"{group="production"}"#: 4.0])),
        CrossCheck(300.0, #"max by (job) (http_requests)"#, .values([#"{job="api"}"#: 400.0, #"{job="app"}"#: 800.0])),
        CrossCheck(300.0, #"min by (job) (http_requests)"#, .values([#"{job="api"}"#: 100.0, #"{job="app"}"#: 500.0])),
        CrossCheck(300.0, #"group by (job) (http_requests)"#, .values([#"{job="api"}"#: 1.0, #"{job="app"}"#: 1.0])),
        CrossCheck(300.0, #"topk(3, http_requests)"#, .values([#"http_requests{group="canary", instance="0", job="app"}"#: 700.0, #"http_requests{group="canary", instance="1", job="app"}"#: 800.0, #"http_requests{group="production", instance="1", job="app"}"#: 600.0])),
        CrossCheck(300.0, #"topk by (job) (1, http_requests)"#, .values([#"http_requests{group="canary", instance="1", job="api"}"#: 400.0, #"http_requests{group="canary", instance="1", job="app"}"#: 800.0])),
        CrossCheck(300.0, #"bottomk(2, http_requests)"#, .values([#"http_requests{group="production", instance="0", job="api"}"#: 100.0, #"http_requests{group="production", instance="1", job="api"}"#: 200.0])),
        CrossCheck(300.0, #"topk(0, http_requests)"#, .values([:])),
        CrossCheck(300.0, #"topk(2.9, http_requests)"#, .values([#"http_requests{group="canary", instance="0", job="app"}"#: 700.0, #"http_requests{group="canary", instance="1", job="app"}"#: 800.0])),
        CrossCheck(300.0, #"quantile(0.3, http_requests)"#, .values([#"{}"#: 310.00000000000006])),
        CrossCheck(300.0, #"quantile by (group) (0.75, http_requests)"#, .values([#"{group="canary"}"#: 725.0, #"{group="production"}"#: 525.0])),
        CrossCheck(300.0, #"quantile(2, http_requests)"#, .values([#"{}"#: .infinity])),
        CrossCheck(300.0, #"quantile(-1, http_requests)"#, .values([#"{}"#: -.infinity])),
        CrossCheck(300.0, #"count_values("value", http_requests)"#, .values([#"{value="100"}"#: 1.0, #"{value="200"}"#: 1.0, #"{value="300"}"#: 1.0, #"{value="400"}"#: 1.0, #"{value="500"}"#: 1.0, #"{value="600"}"#: 1.0, #"{value="700"}"#: 1.0, #"{value="800"}"#: 1.0])),
        CrossCheck(300.0, #"count_values by (job) ("value", http_requests / 7)"#, .values([#"{job="api", value="14.285714285714286"}"#: 1.0, #"{job="api", value="28.571428571428573"}"#: 1.0, #"{job="api", value="42.857142857142854"}"#: 1.0, #"{job="api", value="57.142857142857146"}"#: 1.0, #"{job="app", value="100"}"#: 1.0, #"{job="app", value="114.28571428571429"}"#: 1.0, #"{job="app", value="71.42857142857143"}"#: 1.0, #"{job="app", value="85.71428571428571"}"#: 1.0])),
        CrossCheck(300.0, #"count_values without (instance) ("v", http_requests)"#, .values([#"{group="canary", job="api", v="300"}"#: 1.0, #"{group="canary", job="api", v="400"}"#: 1.0, #"{group="canary", job="app", v="700"}"#: 1.0, #"{group="canary", job="app", v="800"}"#: 1.0, #"{group="production", job="api", v="100"}"#: 1.0, #"{group="production", job="api", v="200"}"#: 1.0, #"{group="production", job="app", v="500"}"#: 1.0, #"{group="production", job="app", v="600"}"#: 1.0])),
        CrossCheck(60.0, #"bottomk(2, nans)"#, .values([#"nans{a="2"}"#: 3.0, #"nans{a="3"}"#: 3.0])),
        CrossCheck(60.0, #"max(nans)"#, .values([#"{}"#: 7.0])),
        CrossCheck(60.0, #"min(nans)"#, .values([#"{}"#: 3.0])),
        CrossCheck(60.0, #"sum(nans)"#, .values([#"{}"#: .nan])),
        CrossCheck(60.0, #"avg(nans)"#, .values([#"{}"#: .nan])),
        CrossCheck(60.0, #"quantile(0.5, nans)"#, .values([#"{}"#: 3.0])),
        CrossCheck(30.0, #"max(nans)"#, .values([#"{}"#: 2.0])),
        CrossCheck(30.0, #"avg(nans)"#, .values([#"{}"#: .nan])),
        CrossCheck(30.0, #"sort(nans)"#, .values([#"nans{a="1"}"#: .nan, #"nans{a="2"}"#: 2.0, #"nans{a="3"}"#: -.infinity, #"nans{a="4"}"#: .nan])),
        CrossCheck(30.0, #"sort_desc(nans)"#, .values([#"nans{a="1"}"#: .nan, #"nans{a="2"}"#: 2.0, #"nans{a="3"}"#: -.infinity, #"nans{a="4"}"#: .nan])),
        CrossCheck(300.0, #"vector_matching_a - vector_matching_b"#, .values([#"{l="x"}"#: -30.0])),
        CrossCheck(300.0, #"vector_matching_a - on(l) vector_matching_b"#, .values([#"{l="x"}"#: -30.0])),
        CrossCheck(300.0, #"vector_matching_a and vector_matching_b"#, .values([#"vector_matching_a{l="x"}"#: 10.0])),
        CrossCheck(300.0, #"vector_matching_a or vector_matching_b"#, .values([#"vector_matching_a{l="x"}"#: 10.0, #"vector_matching_a{l="y"}"#: 20.0])),
        CrossCheck(300.0, #"vector_matching_a unless vector_matching_b"#, .values([#"vector_matching_a{l="y"}"#: 20.0])),
        CrossCheck(300.0, #"vector_matching_a > bool on(l) vector_matching_b"#, .values([#"{l="x"}"#: 0.0])),
        CrossCheck(300.0, #"vector_matching_a > on(l) vector_matching_b"#, .values([:])),
        CrossCheck(300.0, #"vector_matching_a < on(l) vector_matching_b"#, .values([#"{l="x"}"#: 10.0])),
        CrossCheck(300.0, #"http_requests * on(job) group_left(version) info"#, .values([#"{group="canary", instance="0", job="api", version="1.0"}"#: 300.0, #"{group="canary", instance="0", job="app", version="2.0"}"#: 700.0, #"{group="canary", instance="1", job="api", version="1.0"}"#: 400.0, #"{group="canary", instance="1", job="app", version="2.0"}"#: 800.0, #"{group="production", instance="0", job="api", version="1.0"}"#: 100.0, #"{group="production", instance="0", job="app", version="2.0"}"#: 500.0, #"{group="production", instance="1", job="api", version="1.0"}"#: 200.0, #"{group="production", instance="1", job="app", version="2.0"}"#: 600.0])),
        CrossCheck(300.0, #"info * on(job) group_right(version) http_requests"#, .values([#"{group="canary", instance="0", job="api", version="1.0"}"#: 300.0, #"{group="canary", instance="0", job="app", version="2.0"}"#: 700.0, #"{group="canary", instance="1", job="api", version="1.0"}"#: 400.0, #"{group="canary", instance="1", job="app", version="2.0"}"#: 800.0, #"{group="production", instance="0", job="api", version="1.0"}"#: 100.0, #"{group="production", instance="0", job="app", version="2.0"}"#: 500.0, #"{group="production", instance="1", job="api", version="1.0"}"#: 200.0, #"{group="production", instance="1", job="app", version="2.0"}"#: 600.0])),
        CrossCheck(300.0, #"http_requests / ignoring(group, instance) group_left info"#, .values([:])),
        CrossCheck(300.0, #"http_requests + on(job) info"#, .failure("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")),
        CrossCheck(300.0, #"http_requests and on(job) info"#, .values([#"http_requests{group="canary", instance="0", job="api"}"#: 300.0, #"http_requests{group="canary", instance="0", job="app"}"#: 700.0, #"http_requests{group="canary", instance="1", job="api"}"#: 400.0, #"http_requests{group="canary", instance="1", job="app"}"#: 800.0, #"http_requests{group="production", instance="0", job="api"}"#: 100.0, #"http_requests{group="production", instance="0", job="app"}"#: 500.0, #"http_requests{group="production", instance="1", job="api"}"#: 200.0, #"http_requests{group="production", instance="1", job="app"}"#: 600.0])),
        CrossCheck(300.0, #"sum by (job) (http_requests) / on(job) group_left sum(http_requests)"#, .values([:])),
        CrossCheck(300.0, #"http_requests atan2 20"#, .values([#"http_requests{group="canary", instance="0", job="api"}"#: 1.5042281630190728, #"http_requests{group="canary", instance="0", job="app"}"#: 1.5422326689561365, #"http_requests{group="canary", instance="1", job="api"}"#: 1.5208379310729538, #"http_requests{group="canary", instance="1", job="app"}"#: 1.5458015331759765, #"http_requests{group="production", instance="0", job="api"}"#: 1.3734007669450157, #"http_requests{group="production", instance="0", job="app"}"#: 1.5308176396716064, #"http_requests{group="production", instance="1", job="api"}"#: 1.4711276743037345, #"http_requests{group="production", instance="1", job="app"}"#: 1.5374753309166493])),
        CrossCheck(300.0, #"http_requests == 100"#, .values([#"http_requests{group="production", instance="0", job="api"}"#: 100.0])),
        CrossCheck(300.0, #"http_requests % 7"#, .values([#"{group="canary", instance="0", job="api"}"#: 6.0, #"{group="canary", instance="0", job="app"}"#: 0.0, #"{group="canary", instance="1", job="api"}"#: 1.0, #"{group="canary", instance="1", job="app"}"#: 2.0, #"{group="production", instance="0", job="api"}"#: 2.0, #"{group="production", instance="0", job="app"}"#: 3.0, #"{group="production", instance="1", job="api"}"#: 4.0, #"{group="production", instance="1", job="app"}"#: 5.0])),
        CrossCheck(300.0, #"http_requests ^ 0.5"#, .values([#"{group="canary", instance="0", job="api"}"#: 17.320508075688775, #"{group="canary", instance="0", job="app"}"#: 26.457513110645905, #"{group="canary", instance="1", job="api"}"#: 20.0, #"{group="canary", instance="1", job="app"}"#: 28.284271247461902, #"{group="production", instance="0", job="api"}"#: 10.0, #"{group="production", instance="0", job="app"}"#: 22.360679774997898, #"{group="production", instance="1", job="api"}"#: 14.142135623730951, #"{group="production", instance="1", job="app"}"#: 24.49489742783178])),
        CrossCheck(300.0, #"2 ^ http_requests / 1e10"#, .values([#"{group="canary", instance="0", job="api"}"#: 2.0370359763344862e+80, #"{group="canary", instance="0", job="app"}"#: 5.260135901548374e+200, #"{group="canary", instance="1", job="api"}"#: 2.5822498780869087e+110, #"{group="canary", instance="1", job="app"}"#: 6.6680144328798545e+230, #"{group="production", instance="0", job="api"}"#: 1.2676506002282294e+20, #"{group="production", instance="0", job="app"}"#: 3.273390607896142e+140, #"{group="production", instance="1", job="api"}"#: 1.6069380442589903e+50, #"{group="production", instance="1", job="app"}"#: 4.149515568880993e+170])),
        CrossCheck(300.0, #"histogram_quantile(0.5, hist_bucket)"#, .values([#"{job="a"}"#: 0.4, #"{job="b"}"#: 0.1, #"{job="c"}"#: .nan])),
        CrossCheck(300.0, #"histogram_quantile(0.9, hist_bucket)"#, .values([#"{job="a"}"#: 1.0, #"{job="b"}"#: 1.0, #"{job="c"}"#: .nan])),
        CrossCheck(300.0, #"histogram_quantile(0, hist_bucket)"#, .values([#"{job="a"}"#: 0.0, #"{job="b"}"#: 0.0, #"{job="c"}"#: .nan])),
        CrossCheck(300.0, #"histogram_quantile(1, hist_bucket)"#, .values([#"{job="a"}"#: 1.0, #"{job="b"}"#: 1.0, #"{job="c"}"#: .nan])),
        CrossCheck(300.0, #"histogram_quantile(1.5, hist_bucket)"#, .values([#"{job="a"}"#: .infinity, #"{job="b"}"#: .infinity, #"{job="c"}"#: .infinity])),
        CrossCheck(300.0, #"histogram_quantile(-0.5, hist_bucket)"#, .values([#"{job="a"}"#: -.infinity, #"{job="b"}"#: -.infinity, #"{job="c"}"#: -.infinity])),
        CrossCheck(300.0, #"histogram_quantile(NaN, hist_bucket)"#, .values([#"{job="a"}"#: .nan, #"{job="b"}"#: .nan, #"{job="c"}"#: .nan])),
        CrossCheck(300.0, #"histogram_quantile(0.5, neg_bucket)"#, .values([#"{}"#: -0.75])),
        CrossCheck(300.0, #"histogram_quantile(0.1, neg_bucket)"#, .values([#"{}"#: -1.0])),
        CrossCheck(300.0, #"histogram_quantile(0.9, neg_bucket)"#, .values([#"{}"#: 0.0])),
        CrossCheck(300.0, #"histogram_quantile(0.5, noinf_bucket)"#, .values([#"{}"#: .nan])),
        CrossCheck(300.0, #"histogram_quantile(0.5, zero_bucket)"#, .values([#"{}"#: .nan])),
        CrossCheck(300.0, #"histogram_quantile(0.5, rate(hist_bucket[2m]))"#, .values([#"{job="a"}"#: 0.3999999999999999, #"{job="b"}"#: 0.1, #"{job="c"}"#: .nan])),
        CrossCheck(300.0, #"histogram_quantile(0.5, sum by (le) (rate(hist_bucket[2m])))"#, .values([#"{}"#: 0.875])),
        CrossCheck(0.0, #"year(ts)"#, .values([#"{}"#: 2023.0])),
        CrossCheck(0.0, #"month(ts)"#, .values([#"{}"#: 11.0])),
        CrossCheck(0.0, #"day_of_month(ts)"#, .values([#"{}"#: 14.0])),
        CrossCheck(0.0, #"day_of_week(ts)"#, .values([#"{}"#: 2.0])),
        CrossCheck(0.0, #"day_of_year(ts)"#, .values([#"{}"#: 318.0])),
        CrossCheck(0.0, #"days_in_month(ts)"#, .values([#"{}"#: 30.0])),
        CrossCheck(0.0, #"hour(ts)"#, .values([#"{}"#: 22.0])),
        CrossCheck(0.0, #"minute(ts)"#, .values([#"{}"#: 13.0])),
        CrossCheck(30.0, #"year(ts)"#, .values([#"{}"#: 2024.0])),
        CrossCheck(30.0, #"days_in_month(ts)"#, .values([#"{}"#: 29.0])),
        CrossCheck(30.0, #"day_of_year(ts)"#, .values([#"{}"#: 60.0])),
        CrossCheck(60.0, #"day_of_year(ts)"#, .values([#"{}"#: 60.0])),
        CrossCheck(60.0, #"month(ts)"#, .values([#"{}"#: 2.0])),
        CrossCheck(90.0, #"year(ts)"#, .values([#"{}"#: 1969.0])),
        CrossCheck(90.0, #"hour(ts)"#, .values([#"{}"#: 23.0])),
        CrossCheck(120.0, #"year(ts)"#, .values([#"{}"#: 1970.0])),
        CrossCheck(150.0, #"year(ts)"#, .values([#"{}"#: 2286.0])),
        CrossCheck(150.0, #"month(ts)"#, .values([#"{}"#: 11.0])),
        CrossCheck(150.0, #"day_of_week(ts)"#, .values([#"{}"#: 6.0])),
        CrossCheck(180.0, #"year(ts)"#, .values([#"{}"#: 292277026596.0])),
        CrossCheck(180.0, #"hour(ts)"#, .values([#"{}"#: 15.0])),
        CrossCheck(180.0, #"day_of_month(ts)"#, .values([#"{}"#: 4.0])),
        CrossCheck(100000.0, #"year()"#, .values([#"{}"#: 1970.0])),
        CrossCheck(100000.0, #"hour()"#, .values([#"{}"#: 3.0])),
        CrossCheck(100000.0, #"minute()"#, .values([#"{}"#: 46.0])),
        CrossCheck(100000.0, #"day_of_week()"#, .values([#"{}"#: 5.0])),
        CrossCheck(300.0, #"label_replace(http_requests, "foo", "$1-$2", "group", "(.*)(ary)")"#, .values([#"http_requests{foo="can-ary", group="canary", instance="0", job="api"}"#: 300.0, #"http_requests{foo="can-ary", group="canary", instance="0", job="app"}"#: 700.0, #"http_requests{foo="can-ary", group="canary", instance="1", job="api"}"#: 400.0, #"http_requests{foo="can-ary", group="canary", instance="1", job="app"}"#: 800.0, #"http_requests{group="production", instance="0", job="api"}"#: 100.0, #"http_requests{group="production", instance="0", job="app"}"#: 500.0, #"http_requests{group="production", instance="1", job="api"}"#: 200.0, #"http_requests{group="production", instance="1", job="app"}"#: 600.0])),
        CrossCheck(300.0, #"label_replace(http_requests, "job", "x${1}y", "instance", "(.*)")"#, .failure("vector cannot contain metrics with the same labelset")),
        CrossCheck(300.0, #"label_replace(http_requests, "foo", "$1x", "group", "(.*)")"#, .values([#"http_requests{group="canary", instance="0", job="api"}"#: 300.0, #"http_requests{group="canary", instance="0", job="app"}"#: 700.0, #"http_requests{group="canary", instance="1", job="api"}"#: 400.0, #"http_requests{group="canary", instance="1", job="app"}"#: 800.0, #"http_requests{group="production", instance="0", job="api"}"#: 100.0, #"http_requests{group="production", instance="0", job="app"}"#: 500.0, #"http_requests{group="production", instance="1", job="api"}"#: 200.0, #"http_requests{group="production", instance="1", job="app"}"#: 600.0])),
        CrossCheck(300.0, #"label_replace(http_requests, "group", "", "group", "can.*")"#, .values([#"http_requests{group="production", instance="0", job="api"}"#: 100.0, #"http_requests{group="production", instance="0", job="app"}"#: 500.0, #"http_requests{group="production", instance="1", job="api"}"#: 200.0, #"http_requests{group="production", instance="1", job="app"}"#: 600.0, #"http_requests{instance="0", job="api"}"#: 300.0, #"http_requests{instance="0", job="app"}"#: 700.0, #"http_requests{instance="1", job="api"}"#: 400.0, #"http_requests{instance="1", job="app"}"#: 800.0])),
        CrossCheck(300.0, #"label_replace(http_requests, "foo", "$$1", "group", "(c)anary")"#, .values([#"http_requests{foo="$1", group="canary", instance="0", job="api"}"#: 300.0, #"http_requests{foo="$1", group="canary", instance="0", job="app"}"#: 700.0, #"http_requests{foo="$1", group="canary", instance="1", job="api"}"#: 400.0, #"http_requests{foo="$1", group="canary", instance="1", job="app"}"#: 800.0, #"http_requests{group="production", instance="0", job="api"}"#: 100.0, #"http_requests{group="production", instance="0", job="app"}"#: 500.0, #"http_requests{group="production", instance="1", job="api"}"#: 200.0, #"http_requests{group="production", instance="1", job="app"}"#: 600.0])),
        CrossCheck(300.0, #"label_join(http_requests, "foo", "-", "job", "instance", "group")"#, .values([#"http_requests{foo="api-0-canary", group="canary", instance="0", job="api"}"#: 300.0, #"http_requests{foo="api-0-production", group="production", instance="0", job="api"}"#: 100.0, #"http_requests{foo="api-1-canary", group="canary", instance="1", job="api"}"#: 400.0, #"http_requests{foo="api-1-production", group="production", instance="1", job="api"}"#: 200.0, #"http_requests{foo="app-0-canary", group="canary", instance="0", job="app"}"#: 700.0, #"http_requests{foo="app-0-production", group="production", instance="0", job="app"}"#: 500.0, #"http_requests{foo="app-1-canary", group="canary", instance="1", job="app"}"#: 800.0, #"http_requests{foo="app-1-production", group="production", instance="1", job="app"}"#: 600.0])),
        CrossCheck(300.0, #"label_join(http_requests, "job", "", "nonexistent")"#, .failure("vector cannot contain metrics with the same labelset")),
        CrossCheck(300.0, #"abs(-http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 300.0, #"{group="canary", instance="0", job="app"}"#: 700.0, #"{group="canary", instance="1", job="api"}"#: 400.0, #"{group="canary", instance="1", job="app"}"#: 800.0, #"{group="production", instance="0", job="api"}"#: 100.0, #"{group="production", instance="0", job="app"}"#: 500.0, #"{group="production", instance="1", job="api"}"#: 200.0, #"{group="production", instance="1", job="app"}"#: 600.0])),
        CrossCheck(300.0, #"sqrt(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 17.320508075688775, #"{group="canary", instance="0", job="app"}"#: 26.457513110645905, #"{group="canary", instance="1", job="api"}"#: 20.0, #"{group="canary", instance="1", job="app"}"#: 28.284271247461902, #"{group="production", instance="0", job="api"}"#: 10.0, #"{group="production", instance="0", job="app"}"#: 22.360679774997898, #"{group="production", instance="1", job="api"}"#: 14.142135623730951, #"{group="production", instance="1", job="app"}"#: 24.49489742783178])),
        CrossCheck(300.0, #"ln(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 5.703782474656201, #"{group="canary", instance="0", job="app"}"#: 6.551080335043404, #"{group="canary", instance="1", job="api"}"#: 5.991464547107982, #"{group="canary", instance="1", job="app"}"#: 6.684611727667927, #"{group="production", instance="0", job="api"}"#: 4.605170185988092, #"{group="production", instance="0", job="app"}"#: 6.214608098422191, #"{group="production", instance="1", job="api"}"#: 5.298317366548036, #"{group="production", instance="1", job="app"}"#: 6.396929655216146])),
        CrossCheck(300.0, #"log2(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 8.228818690495881, #"{group="canary", instance="0", job="app"}"#: 9.451211111832329, #"{group="canary", instance="1", job="api"}"#: 8.643856189774725, #"{group="canary", instance="1", job="app"}"#: 9.643856189774725, #"{group="production", instance="0", job="api"}"#: 6.643856189774724, #"{group="production", instance="0", job="app"}"#: 8.965784284662087, #"{group="production", instance="1", job="api"}"#: 7.643856189774724, #"{group="production", instance="1", job="app"}"#: 9.228818690495881])),
        CrossCheck(300.0, #"log10(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 2.477121254719662, #"{group="canary", instance="0", job="app"}"#: 2.8450980400142565, #"{group="canary", instance="1", job="api"}"#: 2.602059991327962, #"{group="canary", instance="1", job="app"}"#: 2.9030899869919433, #"{group="production", instance="0", job="api"}"#: 2.0, #"{group="production", instance="0", job="app"}"#: 2.6989700043360187, #"{group="production", instance="1", job="api"}"#: 2.301029995663981, #"{group="production", instance="1", job="app"}"#: 2.7781512503836434])),
        CrossCheck(300.0, #"exp(http_requests / 100)"#, .values([#"{group="canary", instance="0", job="api"}"#: 20.085536923187668, #"{group="canary", instance="0", job="app"}"#: 1096.6331584284585, #"{group="canary", instance="1", job="api"}"#: 54.598150033144236, #"{group="canary", instance="1", job="app"}"#: 2980.9579870417283, #"{group="production", instance="0", job="api"}"#: 2.718281828459045, #"{group="production", instance="0", job="app"}"#: 148.4131591025766, #"{group="production", instance="1", job="api"}"#: 7.38905609893065, #"{group="production", instance="1", job="app"}"#: 403.4287934927351])),
        CrossCheck(300.0, #"ceil(http_requests / 7)"#, .values([#"{group="canary", instance="0", job="api"}"#: 43.0, #"{group="canary", instance="0", job="app"}"#: 100.0, #"{group="canary", instance="1", job="api"}"#: 58.0, #"{group="canary", instance="1", job="app"}"#: 115.0, #"{group="production", instance="0", job="api"}"#: 15.0, #"{group="production", instance="0", job="app"}"#: 72.0, #"{group="production", instance="1", job="api"}"#: 29.0, #"{group="production", instance="1", job="app"}"#: 86.0])),
        CrossCheck(300.0, #"floor(http_requests / 7)"#, .values([#"{group="canary", instance="0", job="api"}"#: 42.0, #"{group="canary", instance="0", job="app"}"#: 100.0, #"{group="canary", instance="1", job="api"}"#: 57.0, #"{group="canary", instance="1", job="app"}"#: 114.0, #"{group="production", instance="0", job="api"}"#: 14.0, #"{group="production", instance="0", job="app"}"#: 71.0, #"{group="production", instance="1", job="api"}"#: 28.0, #"{group="production", instance="1", job="app"}"#: 85.0])),
        CrossCheck(300.0, #"round(http_requests / 7)"#, .values([#"{group="canary", instance="0", job="api"}"#: 43.0, #"{group="canary", instance="0", job="app"}"#: 100.0, #"{group="canary", instance="1", job="api"}"#: 57.0, #"{group="canary", instance="1", job="app"}"#: 114.0, #"{group="production", instance="0", job="api"}"#: 14.0, #"{group="production", instance="0", job="app"}"#: 71.0, #"{group="production", instance="1", job="api"}"#: 29.0, #"{group="production", instance="1", job="app"}"#: 86.0])),
        CrossCheck(300.0, #"round(http_requests / 7, 0.1)"#, .values([#"{group="canary", instance="0", job="api"}"#: 42.9, #"{group="canary", instance="0", job="app"}"#: 100.0, #"{group="canary", instance="1", job="api"}"#: 57.1, #"{group="canary", instance="1", job="app"}"#: 114.3, #"{group="production", instance="0", job="api"}"#: 14.3, #"{group="production", instance="0", job="app"}"#: 71.4, #"{group="production", instance="1", job="api"}"#: 28.6, #"{group="production", instance="1", job="app"}"#: 85.7])),
        CrossCheck(300.0, #"round(http_requests / 7, 3)"#, .values([#"{group="canary", instance="0", job="api"}"#: 42.0, #"{group="canary", instance="0", job="app"}"#: 99.0, #"{group="canary", instance="1", job="api"}"#: 57.0, #"{group="canary", instance="1", job="app"}"#: 114.0, #"{group="production", instance="0", job="api"}"#: 15.0, #"{group="production", instance="0", job="app"}"#: 72.0, #"{group="production", instance="1", job="api"}"#: 30.0, #"{group="production", instance="1", job="app"}"#: 87.0])),
        CrossCheck(300.0, #"clamp(http_requests, 100, 300)"#, .values([#"{group="canary", instance="0", job="api"}"#: 300.0, #"{group="canary", instance="0", job="app"}"#: 300.0, #"{group="canary", instance="1", job="api"}"#: 300.0, #"{group="canary", instance="1", job="app"}"#: 300.0, #"{group="production", instance="0", job="api"}"#: 100.0, #"{group="production", instance="0", job="app"}"#: 300.0, #"{group="production", instance="1", job="api"}"#: 200.0, #"{group="production", instance="1", job="app"}"#: 300.0])),
        CrossCheck(300.0, #"clamp(http_requests, 300, 100)"#, .values([:])),
        CrossCheck(300.0, #"clamp_min(http_requests, 250)"#, .values([#"{group="canary", instance="0", job="api"}"#: 300.0, #"{group="canary", instance="0", job="app"}"#: 700.0, #"{group="canary", instance="1", job="api"}"#: 400.0, #"{group="canary", instance="1", job="app"}"#: 800.0, #"{group="production", instance="0", job="api"}"#: 250.0, #"{group="production", instance="0", job="app"}"#: 500.0, #"{group="production", instance="1", job="api"}"#: 250.0, #"{group="production", instance="1", job="app"}"#: 600.0])),
        CrossCheck(300.0, #"clamp_max(http_requests, 250)"#, .values([#"{group="canary", instance="0", job="api"}"#: 250.0, #"{group="canary", instance="0", job="app"}"#: 250.0, #"{group="canary", instance="1", job="api"}"#: 250.0, #"{group="canary", instance="1", job="app"}"#: 250.0, #"{group="production", instance="0", job="api"}"#: 100.0, #"{group="production", instance="0", job="app"}"#: 250.0, #"{group="production", instance="1", job="api"}"#: 200.0, #"{group="production", instance="1", job="app"}"#: 250.0])),
        CrossCheck(300.0, #"sgn(http_requests - 300)"#, .values([#"{group="canary", instance="0", job="api"}"#: 0.0, #"{group="canary", instance="0", job="app"}"#: 1.0, #"{group="canary", instance="1", job="api"}"#: 1.0, #"{group="canary", instance="1", job="app"}"#: 1.0, #"{group="production", instance="0", job="api"}"#: -1.0, #"{group="production", instance="0", job="app"}"#: 1.0, #"{group="production", instance="1", job="api"}"#: -1.0, #"{group="production", instance="1", job="app"}"#: 1.0])),
        CrossCheck(300.0, #"deg(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 17188.733853924696, #"{group="canary", instance="0", job="app"}"#: 40107.04565915763, #"{group="canary", instance="1", job="api"}"#: 22918.31180523293, #"{group="canary", instance="1", job="app"}"#: 45836.62361046586, #"{group="production", instance="0", job="api"}"#: 5729.5779513082325, #"{group="production", instance="0", job="app"}"#: 28647.88975654116, #"{group="production", instance="1", job="api"}"#: 11459.155902616465, #"{group="production", instance="1", job="app"}"#: 34377.46770784939])),
        CrossCheck(300.0, #"rad(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 5.235987755982989, #"{group="canary", instance="0", job="app"}"#: 12.217304763960305, #"{group="canary", instance="1", job="api"}"#: 6.981317007977318, #"{group="canary", instance="1", job="app"}"#: 13.962634015954636, #"{group="production", instance="0", job="api"}"#: 1.7453292519943295, #"{group="production", instance="0", job="app"}"#: 8.726646259971647, #"{group="production", instance="1", job="api"}"#: 3.490658503988659, #"{group="production", instance="1", job="app"}"#: 10.471975511965978])),
        CrossCheck(300.0, #"sin(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: -0.9997558399011496, #"{group="canary", instance="0", job="app"}"#: 0.5439705233633756, #"{group="canary", instance="1", job="api"}"#: -0.8509193596391765, #"{group="canary", instance="1", job="app"}"#: 0.8939696481970215, #"{group="production", instance="0", job="api"}"#: -0.5063656411097588, #"{group="production", instance="0", job="app"}"#: -0.46777180532247614, #"{group="production", instance="1", job="api"}"#: -0.8732972972139945, #"{group="production", instance="1", job="app"}"#: 0.044182448331873195])),
        CrossCheck(300.0, #"cos(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: -0.022096619278683942, #"{group="canary", instance="0", job="app"}"#: -0.8391043258807425, #"{group="canary", instance="1", job="api"}"#: -0.525296338642536, #"{group="canary", instance="1", job="app"}"#: -0.44812751321749233, #"{group="production", instance="0", job="api"}"#: 0.8623188722876839, #"{group="production", instance="0", job="app"}"#: -0.883849273431478, #"{group="production", instance="1", job="api"}"#: 0.48718767500700594, #"{group="production", instance="1", job="app"}"#: -0.9990234788329058])),
        CrossCheck(300.0, #"tan(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 45.24474207081936, #"{group="canary", instance="0", job="app"}"#: -0.6482751984294827, #"{group="canary", instance="1", job="api"}"#: 1.619884429116927, #"{group="canary", instance="1", job="app"}"#: -1.9949001608458392, #"{group="production", instance="0", job="api"}"#: -0.587213915156929, #"{group="production", instance="0", job="app"}"#: 0.52924386474448, #"{group="production", instance="1", job="api"}"#: -1.7925274837903817, #"{group="production", instance="1", job="app"}"#: -0.04422563560116593])),
        CrossCheck(300.0, #"asinh(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 6.39693243298235, #"{group="canary", instance="0", job="app"}"#: 7.2442280258070415, #"{group="canary", instance="1", job="api"}"#: 6.684613290164265, #"{group="canary", instance="1", job="app"}"#: 7.377759298852644, #"{group="production", instance="0", job="api"}"#: 5.298342365610589, #"{group="production", instance="0", job="app"}"#: 6.907756278980637, #"{group="production", instance="1", job="api"}"#: 5.991470797049389, #"{group="production", instance="1", job="app"}"#: 7.090077530219813])),
        CrossCheck(300.0, #"atan(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 1.56746300580716, #"{group="canary", instance="0", job="app"}"#: 1.5693677563381412, #"{group="canary", instance="1", job="api"}"#: 1.5682963320032104, #"{group="canary", instance="1", job="app"}"#: 1.5695463274459376, #"{group="production", instance="0", job="api"}"#: 1.5607966601082313, #"{group="production", instance="0", job="app"}"#: 1.5687963294615568, #"{group="production", instance="1", job="api"}"#: 1.5657963684609382, #"{group="production", instance="1", job="app"}"#: 1.5691296616714372])),
        CrossCheck(300.0, #"timestamp(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 300.0, #"{group="canary", instance="0", job="app"}"#: 300.0, #"{group="canary", instance="1", job="api"}"#: 300.0, #"{group="canary", instance="1", job="app"}"#: 300.0, #"{group="production", instance="0", job="api"}"#: 300.0, #"{group="production", instance="0", job="app"}"#: 300.0, #"{group="production", instance="1", job="api"}"#: 300.0, #"{group="production", instance="1", job="app"}"#: 300.0])),
        CrossCheck(310.0, #"timestamp(http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 300.0, #"{group="canary", instance="0", job="app"}"#: 300.0, #"{group="canary", instance="1", job="api"}"#: 300.0, #"{group="canary", instance="1", job="app"}"#: 300.0, #"{group="production", instance="0", job="api"}"#: 300.0, #"{group="production", instance="0", job="app"}"#: 300.0, #"{group="production", instance="1", job="api"}"#: 300.0, #"{group="production", instance="1", job="app"}"#: 300.0])),
        CrossCheck(310.0, #"timestamp(-http_requests)"#, .values([#"{group="canary", instance="0", job="api"}"#: 310.0, #"{group="canary", instance="0", job="app"}"#: 310.0, #"{group="canary", instance="1", job="api"}"#: 310.0, #"{group="canary", instance="1", job="app"}"#: 310.0, #"{group="production", instance="0", job="api"}"#: 310.0, #"{group="production", instance="0", job="app"}"#: 310.0, #"{group="production", instance="1", job="api"}"#: 310.0, #"{group="production", instance="1", job="app"}"#: 310.0])),
        CrossCheck(300.0, #"scalar(info)"#, .values([#"{}"#: .nan])),
        CrossCheck(300.0, #"scalar(info{job="api"})"#, .values([#"{}"#: 1.0])),
        CrossCheck(300.0, #"vector(time())"#, .values([#"{}"#: 300.0])),
        CrossCheck(300.0, #"time()"#, .values([#"{}"#: 300.0])),
        CrossCheck(300.0, #"absent(nonexistent{job="x", foo=~"y"})"#, .values([#"{job="x"}"#: 1.0])),
        CrossCheck(300.0, #"absent(http_requests)"#, .values([:])),
        CrossCheck(300.0, #"absent_over_time(nonexistent{job="x"}[5m])"#, .values([#"{job="x"}"#: 1.0])),
        CrossCheck(300.0, #"absent(sum(nonexistent))"#, .values([#"{}"#: 1.0])),
        CrossCheck(300.0, #"pi()"#, .values([#"{}"#: 3.141592653589793])),
        CrossCheck(300.0, #"log10(vector(1000))"#, .values([#"{}"#: 3.0])),
        CrossCheck(300.0, #"vector(1000) ^ (1/3)"#, .values([#"{}"#: 9.999999999999998])),
        CrossCheck(300.0, #"vector(2) ^ 0.5"#, .values([#"{}"#: 1.4142135623730951])),
        CrossCheck(300.0, #"vector(1.1) ^ 100"#, .values([#"{}"#: 13780.612339822364])),
        CrossCheck(300.0, #"exp(vector(1))"#, .values([#"{}"#: 2.718281828459045])),
        CrossCheck(300.0, #"vector(-7) % 3"#, .values([#"{}"#: -1.0])),
        CrossCheck(300.0, #"vector(7) % -0"#, .values([#"{}"#: .nan])),
    ]
    static let edgeInterval: Int64 = 10000
    static let edgeSeries = """
        m{a="1", b="x"} 1 2 3 4 5 6 7 8 9 10
        m{a="1", b="y"} 10 20 30 40 50 60 70 80 90 100
        m{a="2", b="x"} 2 4 6 8 10 12 14 16 18 20
        n{a="1"} 1x9
        n{a="2"} 2x9
        other{a="1", b="x"} 5x9
        s1 1 2 stale 4 _ _ stale
        s2 1 _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ 1
        reset 0 5 10 2 7 12 3 8 13 0
        gauge -5 -3 -1 1 3 5 3 1 -1 -3
        neg 5 4 3 2 1 0
        """
    static let edge: [CrossCheck] = [
        CrossCheck(50.0, #"m + n"#, .values([:])),
        CrossCheck(50.0, #"m + on(a) n"#, .failure("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")),
        CrossCheck(50.0, #"m + on(a) group_left n"#, .values([#"{a="1", b="x"}"#: 7.0, #"{a="1", b="y"}"#: 61.0, #"{a="2", b="x"}"#: 14.0])),
        CrossCheck(50.0, #"n + on(a) group_right m"#, .values([#"{a="1", b="x"}"#: 7.0, #"{a="1", b="y"}"#: 61.0, #"{a="2", b="x"}"#: 14.0])),
        CrossCheck(50.0, #"m == on(a) group_left n"#, .values([:])),
        CrossCheck(50.0, #"m + ignoring(b) n"#, .failure("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")),
        CrossCheck(50.0, #"m and on(a) n"#, .values([#"m{a="1", b="x"}"#: 6.0, #"m{a="1", b="y"}"#: 60.0, #"m{a="2", b="x"}"#: 12.0])),
        CrossCheck(50.0, #"m or other"#, .values([#"m{a="1", b="x"}"#: 6.0, #"m{a="1", b="y"}"#: 60.0, #"m{a="2", b="x"}"#: 12.0])),
        CrossCheck(50.0, #"{__name__=~"m|other"} + 1"#, .failure("vector cannot contain metrics with the same labelset")),
        CrossCheck(50.0, #"-{__name__=~"m|other"}"#, .failure("vector cannot contain metrics with the same labelset")),
        CrossCheck(50.0, #"abs({__name__=~"m|other"})"#, .failure("vector cannot contain metrics with the same labelset")),
        CrossCheck(50.0, #"rate({__name__=~"m|other"}[1m])"#, .failure("vector cannot contain metrics with the same labelset")),
        CrossCheck(50.0, #"last_over_time({__name__=~"m|other"}[1m])"#, .values([#"m{a="1", b="x"}"#: 6.0, #"m{a="1", b="y"}"#: 60.0, #"m{a="2", b="x"}"#: 12.0, #"other{a="1", b="x"}"#: 5.0])),
        CrossCheck(50.0, #"{__name__=~"m|other"} > 4"#, .values([#"m{a="1", b="x"}"#: 6.0, #"m{a="1", b="y"}"#: 60.0, #"m{a="2", b="x"}"#: 12.0, #"other{a="1", b="x"}"#: 5.0])),
        CrossCheck(50.0, #"{__name__=~"m|other"} > bool 4"#, .failure("vector cannot contain metrics with the same labelset")),
        CrossCheck(50.0, #"label_replace(m, "b", "z", "a", ".*")"#, .failure("vector cannot contain metrics with the same labelset")),
        CrossCheck(50.0, #"label_replace(m, "1b", "z", "a", ".*")"#, .failure("invalid destination label name in label_replace(): 1b")),
        CrossCheck(50.0, #"label_replace(m, "b", "z", "a", "(")"#, .failure("invalid regular expression in label_replace(): (")),
        CrossCheck(50.0, #"label_join(m, "b", ",", "1x")"#, .failure("invalid source label name in label_join(): 1x")),
        CrossCheck(50.0, #"count_values("a b", m)"#, .failure("invalid label name \"a b\"")),
        CrossCheck(50.0, #"count_values("x", vector(NaN) or vector(1/0))"#, .values([#"{x="NaN"}"#: 1.0])),
        CrossCheck(50.0, #"topk(NaN, m)"#, .failure("Scalar value NaN overflows int64")),
        CrossCheck(50.0, #"topk(1e30, m)"#, .failure("Scalar value 1e+30 overflows int64")),
        CrossCheck(50.0, #"topk(-1, m)"#, .values([:])),
        CrossCheck(50.0, #"quantile(NaN, m)"#, .values([#"{}"#: .nan])),
        CrossCheck(50.0, #"holt_winters(m[1m], 1, 0.5)"#, .failure("invalid smoothing factor. Expected: 0 < sf < 1, got: 1.000000")),
        CrossCheck(50.0, #"holt_winters(m[1m], 0.5, 0)"#, .failure("invalid trend factor. Expected: 0 < tf < 1, got: 0.000000")),
        CrossCheck(10.0, #"s1"#, .values([#"s1"#: 2.0])),
        CrossCheck(20.0, #"s1"#, .values([:])),
        CrossCheck(25.0, #"s1"#, .values([:])),
        CrossCheck(30.0, #"s1"#, .values([#"s1"#: 4.0])),
        CrossCheck(40.0, #"s1"#, .values([#"s1"#: 4.0])),
        CrossCheck(70.0, #"s1"#, .values([:])),
        CrossCheck(20.0, #"count_over_time(s1[1m])"#, .values([#"{}"#: 2.0])),
        CrossCheck(60.0, #"count_over_time(s1[1m])"#, .values([#"{}"#: 3.0])),
        CrossCheck(60.0, #"last_over_time(s1[1m])"#, .values([#"s1"#: 4.0])),
        CrossCheck(150.0, #"s2"#, .values([#"s2"#: 1.0])),
        CrossCheck(290.0, #"s2"#, .values([#"s2"#: 1.0])),
        CrossCheck(299.0, #"s2"#, .values([#"s2"#: 1.0])),
        CrossCheck(300.0, #"s2"#, .values([#"s2"#: 1.0])),
        CrossCheck(305.0, #"s2"#, .values([#"s2"#: 1.0])),
        CrossCheck(301.0, #"s2"#, .values([#"s2"#: 1.0])),
        CrossCheck(600.0, #"s2"#, .values([#"s2"#: 1.0])),
        CrossCheck(601.0, #"s2"#, .values([:])),
        CrossCheck(90.0, #"rate(reset[1m30s])"#, .values([#"{}"#: 0.3888888888888889])),
        CrossCheck(90.0, #"increase(reset[1m30s])"#, .values([#"{}"#: 35.0])),
        CrossCheck(90.0, #"resets(reset[1m30s])"#, .values([#"{}"#: 3.0])),
        CrossCheck(90.0, #"irate(reset[1m30s])"#, .values([#"{}"#: 0.0])),
        CrossCheck(90.0, #"delta(gauge[1m30s])"#, .values([#"{}"#: 2.0])),
        CrossCheck(90.0, #"deriv(gauge[1m30s])"#, .values([#"{}"#: 0.030303030303030304])),
        CrossCheck(90.0, #"predict_linear(gauge[1m30s], 60)"#, .values([#"{}"#: 3.181818181818182])),
        CrossCheck(90.0, #"idelta(gauge[1m30s])"#, .values([#"{}"#: -2.0])),
        CrossCheck(50.0, #"rate(neg[1m])"#, .values([#"{}"#: 0.2])),
        CrossCheck(50.0, #"increase(neg[1m])"#, .values([#"{}"#: 12.0])),
        CrossCheck(50.0, #"rate(gauge[40s])"#, .values([#"{}"#: 0.2])),
        CrossCheck(50.0, #"m offset -10s"#, .values([#"m{a="1", b="x"}"#: 7.0, #"m{a="1", b="y"}"#: 70.0, #"m{a="2", b="x"}"#: 14.0])),
        CrossCheck(50.0, #"m offset -1h"#, .values([:])),
        CrossCheck(50.0, #"m @ 20 offset 10s"#, .values([#"m{a="1", b="x"}"#: 2.0, #"m{a="1", b="y"}"#: 20.0, #"m{a="2", b="x"}"#: 4.0])),
        CrossCheck(50.0, #"m offset 10s @ 20"#, .values([#"m{a="1", b="x"}"#: 2.0, #"m{a="1", b="y"}"#: 20.0, #"m{a="2", b="x"}"#: 4.0])),
        CrossCheck(50.0, #"rate(m[30s] @ 40 offset 5s)"#, .values([#"{a="1", b="x"}"#: 0.1, #"{a="1", b="y"}"#: 1.0, #"{a="2", b="x"}"#: 0.2])),
        CrossCheck(50.0, #"max_over_time(m[30s:10s] offset 10s)"#, .values([#"{a="1", b="x"}"#: 5.0, #"{a="1", b="y"}"#: 50.0, #"{a="2", b="x"}"#: 10.0])),
        CrossCheck(50.0, #"max_over_time(m[30s:10s] @ 30)"#, .values([#"{a="1", b="x"}"#: 4.0, #"{a="1", b="y"}"#: 40.0, #"{a="2", b="x"}"#: 8.0])),
        CrossCheck(50.0, #"max_over_time(rate(m[20s])[30s:5s])"#, .values([#"{a="1", b="x"}"#: 0.1, #"{a="1", b="y"}"#: 1.0, #"{a="2", b="x"}"#: 0.2])),
        CrossCheck(50.0, #"max_over_time(max_over_time(m[20s:5s])[30s:10s])"#, .values([#"{a="1", b="x"}"#: 6.0, #"{a="1", b="y"}"#: 60.0, #"{a="2", b="x"}"#: 12.0])),
        CrossCheck(50.0, #"absent_over_time(m[10s])"#, .values([:])),
        CrossCheck(50.0, #"absent_over_time(nothing{a="b"}[10s])"#, .values([#"{a="b"}"#: 1.0])),
        CrossCheck(50.0, #"absent_over_time(nothing{a="b"}[10s:5s])"#, .values([#"{}"#: 1.0])),
        CrossCheck(50.0, #"absent_over_time(m{a="3"}[10s:5s])"#, .values([#"{}"#: 1.0])),
        CrossCheck(50.0, #"present_over_time(m[10s:5s])"#, .values([#"{a="1", b="x"}"#: 1.0, #"{a="1", b="y"}"#: 1.0, #"{a="2", b="x"}"#: 1.0])),
        CrossCheck(50.0, #"absent(m{a="3"} > 1)"#, .values([#"{}"#: 1.0])),
        CrossCheck(50.0, #"sum(m) by (a) + on(a) group_right sum(n) by (a)"#, .values([#"{a="1"}"#: 67.0, #"{a="2"}"#: 14.0])),
        CrossCheck(50.0, #"scalar(sum(n)) * m"#, .values([#"{a="1", b="x"}"#: 18.0, #"{a="1", b="y"}"#: 180.0, #"{a="2", b="x"}"#: 36.0])),
        CrossCheck(50.0, #"time() - m"#, .values([#"{a="1", b="x"}"#: 44.0, #"{a="1", b="y"}"#: -10.0, #"{a="2", b="x"}"#: 38.0])),
        CrossCheck(50.0, #"vector(1) + vector(2)"#, .values([#"{}"#: 3.0])),
        CrossCheck(50.0, #"m > 4 < 60"#, .values([#"m{a="1", b="x"}"#: 6.0, #"m{a="2", b="x"}"#: 12.0])),
        CrossCheck(50.0, #"(m > 4) * 2"#, .values([#"{a="1", b="x"}"#: 12.0, #"{a="1", b="y"}"#: 120.0, #"{a="2", b="x"}"#: 24.0])),
        CrossCheck(50.0, #"sort(m)"#, .values([#"m{a="1", b="x"}"#: 6.0, #"m{a="1", b="y"}"#: 60.0, #"m{a="2", b="x"}"#: 12.0])),
        CrossCheck(50.0, #"sort_desc(m)"#, .values([#"m{a="1", b="x"}"#: 6.0, #"m{a="1", b="y"}"#: 60.0, #"m{a="2", b="x"}"#: 12.0])),
        CrossCheck(50.0, #"timestamp(m offset 15s)"#, .values([#"{a="1", b="x"}"#: 30.0, #"{a="1", b="y"}"#: 30.0, #"{a="2", b="x"}"#: 30.0])),
        CrossCheck(50.0, #"timestamp(m @ 25)"#, .values([#"{a="1", b="x"}"#: 20.0, #"{a="1", b="y"}"#: 20.0, #"{a="2", b="x"}"#: 20.0])),
        CrossCheck(50.0, #"-m ^ 2"#, .values([#"{a="1", b="x"}"#: -36.0, #"{a="1", b="y"}"#: -3600.0, #"{a="2", b="x"}"#: -144.0])),
        CrossCheck(50.0, #"-(m ^ 2)"#, .values([#"{a="1", b="x"}"#: -36.0, #"{a="1", b="y"}"#: -3600.0, #"{a="2", b="x"}"#: -144.0])),
        CrossCheck(50.0, #"m^m % 7"#, .values([#"{a="1", b="x"}"#: 1.0, #"{a="1", b="y"}"#: 0.0, #"{a="2", b="x"}"#: 1.0])),
        CrossCheck(50.0, #"count(m) by (b) * on() group_left sum(n)"#, .values([#"{b="x"}"#: 6.0, #"{b="y"}"#: 3.0])),
        CrossCheck(50.0, #"group(m) without (b)"#, .values([#"{a="1"}"#: 1.0, #"{a="2"}"#: 1.0])),
        CrossCheck(50.0, #"avg without (a, b) (m)"#, .values([#"{}"#: 26.0])),
        CrossCheck(50.0, #"sum by (__name__) (m)"#, .values([#"m"#: 78.0])),
        CrossCheck(50.0, #"sum by (__name__) ({__name__=~"m|n"})"#, .values([#"m"#: 78.0, #"n"#: 3.0])),
        CrossCheck(50.0, #"topk(1, m) by (a)"#, .values([#"m{a="1", b="y"}"#: 60.0, #"m{a="2", b="x"}"#: 12.0])),
        CrossCheck(50.0, #"bottomk by (a) (1, m)"#, .values([#"m{a="1", b="x"}"#: 6.0, #"m{a="2", b="x"}"#: 12.0])),
        CrossCheck(50.0, #"quantile without (b) (0.5, m)"#, .values([#"{a="1"}"#: 33.0, #"{a="2"}"#: 12.0])),
        CrossCheck(50.0, #"stddev by (a) (m)"#, .values([#"{a="1"}"#: 27.0, #"{a="2"}"#: 0.0])),
        CrossCheck(50.0, #"min(m)"#, .values([#"{}"#: 6.0])),
        CrossCheck(50.0, #"max without () (m)"#, .values([#"{a="1", b="x"}"#: 6.0, #"{a="1", b="y"}"#: 60.0, #"{a="2", b="x"}"#: 12.0])),
    ]
    static let trigInterval: Int64 = 30000
    static let trigSeries = """
        v{a="1"} 0.1
        v{a="2"} 0.5
        v{a="3"} 0.75
        v{a="4"} 1
        v{a="5"} 1.5
        v{a="6"} 2.5
        v{a="7"} 7
        v{a="8"} 123.456
        v{a="9"} -0.3
        v{a="10"} 1e-9
        v{a="11"} 3000
        v{a="12"} 0.99
        """
    static let trig: [CrossCheck] = [
        CrossCheck(0.0, #"sin(v)"#, .values([#"{a="1"}"#: 0.09983341664682815, #"{a="10"}"#: 1e-09, #"{a="11"}"#: 0.21918997428281808, #"{a="12"}"#: 0.8360259786005205, #"{a="2"}"#: 0.479425538604203, #"{a="3"}"#: 0.6816387600233342, #"{a="4"}"#: 0.8414709848078965, #"{a="5"}"#: 0.9974949866040544, #"{a="6"}"#: 0.5984721441039564, #"{a="7"}"#: 0.6569865987187891, #"{a="8"}"#: -0.8039373685728238, #"{a="9"}"#: -0.29552020666133955])),
        CrossCheck(0.0, #"cos(v)"#, .values([#"{a="1"}"#: 0.9950041652780257, #"{a="10"}"#: 1.0, #"{a="11"}"#: -0.9756821998857504, #"{a="12"}"#: 0.5486898605815876, #"{a="2"}"#: 0.8775825618903728, #"{a="3"}"#: 0.7316888688738209, #"{a="4"}"#: 0.5403023058681398, #"{a="5"}"#: 0.0707372016677029, #"{a="6"}"#: -0.8011436155469337, #"{a="7"}"#: 0.7539022543433046, #"{a="8"}"#: -0.5947139710921575, #"{a="9"}"#: 0.955336489125606])),
        CrossCheck(0.0, #"tan(v)"#, .values([#"{a="1"}"#: 0.10033467208545055, #"{a="10"}"#: 1e-09, #"{a="11"}"#: -0.22465304205455894, #"{a="12"}"#: 1.523676741017902, #"{a="2"}"#: 0.5463024898437905, #"{a="3"}"#: 0.9315964599440725, #"{a="4"}"#: 1.557407724654902, #"{a="5"}"#: 14.101419947171719, #"{a="6"}"#: -0.7470222972386603, #"{a="7"}"#: 0.8714479827243188, #"{a="8"}"#: 1.3518050821917633, #"{a="9"}"#: -0.30933624960962325])),
        CrossCheck(0.0, #"asin(v)"#, .values([#"{a="1"}"#: 0.1001674211615598, #"{a="10"}"#: 1e-09, #"{a="11"}"#: .nan, #"{a="12"}"#: 1.4292568534704693, #"{a="2"}"#: 0.5235987755982989, #"{a="3"}"#: 0.848062078981481, #"{a="4"}"#: 1.5707963267948966, #"{a="5"}"#: .nan, #"{a="6"}"#: .nan, #"{a="7"}"#: .nan, #"{a="8"}"#: .nan, #"{a="9"}"#: -0.3046926540153975])),
        CrossCheck(0.0, #"acos(v)"#, .values([#"{a="1"}"#: 1.4706289056333368, #"{a="10"}"#: 1.5707963257948965, #"{a="11"}"#: .nan, #"{a="12"}"#: 0.1415394733244273, #"{a="2"}"#: 1.0471975511965976, #"{a="3"}"#: 0.7227342478134156, #"{a="4"}"#: 0.0, #"{a="5"}"#: .nan, #"{a="6"}"#: .nan, #"{a="7"}"#: .nan, #"{a="8"}"#: .nan, #"{a="9"}"#: 1.8754889808102941])),
        CrossCheck(0.0, #"atan(v)"#, .values([#"{a="1"}"#: 0.09966865249116204, #"{a="10"}"#: 1e-09, #"{a="11"}"#: 1.570462993473909, #"{a="12"}"#: 0.7803730800666359, #"{a="2"}"#: 0.4636476090008061, #"{a="3"}"#: 0.6435011087932844, #"{a="4"}"#: 0.7853981633974483, #"{a="5"}"#: 0.982793723247329, #"{a="6"}"#: 1.1902899496825317, #"{a="7"}"#: 1.4288992721907325, #"{a="8"}"#: 1.5626964520979927, #"{a="9"}"#: -0.2914567944778671])),
        CrossCheck(0.0, #"asinh(v)"#, .values([#"{a="1"}"#: 0.09983407889920758, #"{a="10"}"#: 1e-09, #"{a="11"}"#: 8.699514775987968, #"{a="12"}"#: 0.8742848121872949, #"{a="2"}"#: 0.48121182505960347, #"{a="3"}"#: 0.6931471805599453, #"{a="4"}"#: 0.881373587019543, #"{a="5"}"#: 1.1947632172871094, #"{a="6"}"#: 1.6472311463710958, #"{a="7"}"#: 2.644120761058629, #"{a="8"}"#: 5.509048400149605, #"{a="9"}"#: -0.29567304756342244])),
        CrossCheck(0.0, #"acosh(v)"#, .values([#"{a="1"}"#: .nan, #"{a="10"}"#: .nan, #"{a="11"}"#: 8.699514720432413, #"{a="12"}"#: .nan, #"{a="2"}"#: .nan, #"{a="3"}"#: .nan, #"{a="4"}"#: 0.0, #"{a="5"}"#: 0.9624236501192069, #"{a="6"}"#: 1.566799236972411, #"{a="7"}"#: 2.6339157938496336, #"{a="8"}"#: 5.509015594729667, #"{a="9"}"#: .nan])),
        CrossCheck(0.0, #"atanh(v)"#, .values([#"{a="1"}"#: 0.10033534773107558, #"{a="10"}"#: 1e-09, #"{a="11"}"#: .nan, #"{a="12"}"#: 2.6466524123622457, #"{a="2"}"#: 0.5493061443340548, #"{a="3"}"#: 0.9729550745276566, #"{a="4"}"#: .infinity, #"{a="5"}"#: .nan, #"{a="6"}"#: .nan, #"{a="7"}"#: .nan, #"{a="8"}"#: .nan, #"{a="9"}"#: -0.30951960420311175])),
        CrossCheck(0.0, #"v atan2 0.7"#, .values([#"v{a="1"}"#: 0.14189705460416394, #"v{a="10"}"#: 1.4285714285714288e-09, #"v{a="11"}"#: 1.5705629934657979, #"v{a="12"}"#: 0.9553406679440442, #"v{a="2"}"#: 0.6202494859828215, #"v{a="3"}"#: 0.8198672643969562, #"v{a="4"}"#: 0.960070362405688, #"v{a="5"}"#: 1.1341691669813554, #"v{a="6"}"#: 1.297787623708186, #"v{a="7"}"#: 1.4711276743037345, #"v{a="8"}"#: 1.56512635126808, #"v{a="9"}"#: -0.40489178628508343])),
        CrossCheck(0.0, #"-0.7 atan2 v"#, .values([#"v{a="1"}"#: -1.4288992721907325, #"v{a="10"}"#: -1.570796325366325, #"v{a="11"}"#: -0.00023333332909876556, #"v{a="12"}"#: -0.6154556588508524, #"v{a="2"}"#: -0.9505468408120751, #"v{a="3"}"#: -0.7509290623979402, #"v{a="4"}"#: -0.6107259643892086, #"v{a="5"}"#: -0.4366271598135413, #"v{a="6"}"#: -0.2730087030867106, #"v{a="7"}"#: -0.09966865249116202, #"v{a="8"}"#: -0.005669975526816668, #"v{a="9"}"#: -1.97568811307998])),
        CrossCheck(0.0, #"ln(v)"#, .values([#"{a="1"}"#: -2.3025850929940455, #"{a="10"}"#: -20.72326583694641, #"{a="11"}"#: 8.006367567650246, #"{a="12"}"#: -0.01005033585350145, #"{a="2"}"#: -0.6931471805599453, #"{a="3"}"#: -0.2876820724517809, #"{a="4"}"#: 0.0, #"{a="5"}"#: 0.4054651081081644, #"{a="6"}"#: 0.9162907318741551, #"{a="7"}"#: 1.9459101490553132, #"{a="8"}"#: 4.815884817283264, #"{a="9"}"#: .nan])),
        CrossCheck(0.0, #"log2(v)"#, .values([#"{a="1"}"#: -3.321928094887362, #"{a="10"}"#: -29.897352853986263, #"{a="11"}"#: 11.550746785383243, #"{a="12"}"#: -0.01449956969511509, #"{a="2"}"#: -1.0, #"{a="3"}"#: -0.41503749927884376, #"{a="4"}"#: 0.0, #"{a="5"}"#: 0.5849625007211563, #"{a="6"}"#: 1.3219280948873622, #"{a="7"}"#: 2.807354922057604, #"{a="8"}"#: 6.947853143387016, #"{a="9"}"#: .nan])),
        CrossCheck(0.0, #"log10(v)"#, .values([#"{a="1"}"#: -0.9999999999999999, #"{a="10"}"#: -9.0, #"{a="11"}"#: 3.477121254719662, #"{a="12"}"#: -0.004364805402450088, #"{a="2"}"#: -0.3010299956639812, #"{a="3"}"#: -0.12493873660829993, #"{a="4"}"#: 0.0, #"{a="5"}"#: 0.17609125905568124, #"{a="6"}"#: 0.3979400086720376, #"{a="7"}"#: 0.8450980400142568, #"{a="8"}"#: 2.0915122016277716, #"{a="9"}"#: .nan])),
        CrossCheck(0.0, #"exp(v)"#, .values([#"{a="1"}"#: 1.1051709180756477, #"{a="10"}"#: 1.000000001, #"{a="11"}"#: .infinity, #"{a="12"}"#: 2.691234472349262, #"{a="2"}"#: 1.6487212707001282, #"{a="3"}"#: 2.117000016612675, #"{a="4"}"#: 2.718281828459045, #"{a="5"}"#: 4.481689070338065, #"{a="6"}"#: 12.182493960703473, #"{a="7"}"#: 1096.6331584284585, #"{a="8"}"#: 4.132944352778106e+53, #"{a="9"}"#: 0.7408182206817179])),
        CrossCheck(0.0, #"sqrt(v)"#, .values([#"{a="1"}"#: 0.31622776601683794, #"{a="10"}"#: 3.1622776601683795e-05, #"{a="11"}"#: 54.772255750516614, #"{a="12"}"#: 0.99498743710662, #"{a="2"}"#: 0.7071067811865476, #"{a="3"}"#: 0.8660254037844386, #"{a="4"}"#: 1.0, #"{a="5"}"#: 1.224744871391589, #"{a="6"}"#: 1.5811388300841898, #"{a="7"}"#: 2.6457513110645907, #"{a="8"}"#: 11.111075555498667, #"{a="9"}"#: .nan])),
        CrossCheck(0.0, #"sinh(v)"#, .values([#"{a="1"}"#: 0.10016675001984404, #"{a="10"}"#: 1e-09, #"{a="11"}"#: .infinity, #"{a="12"}"#: 1.1598288906636083, #"{a="2"}"#: 0.5210953054937474, #"{a="3"}"#: 0.82231673193583, #"{a="4"}"#: 1.1752011936438014, #"{a="5"}"#: 2.1292794550948178, #"{a="6"}"#: 6.0502044810397875, #"{a="7"}"#: 548.3161232732465, #"{a="8"}"#: 2.066472176389053e+53, #"{a="9"}"#: -0.3045202934471426])),
        CrossCheck(0.0, #"cosh(v)"#, .values([#"{a="1"}"#: 1.0050041680558035, #"{a="10"}"#: 1.0, #"{a="11"}"#: .infinity, #"{a="12"}"#: 1.5314055816856538, #"{a="2"}"#: 1.1276259652063807, #"{a="3"}"#: 1.2946832846768448, #"{a="4"}"#: 1.5430806348152437, #"{a="5"}"#: 2.3524096152432477, #"{a="6"}"#: 6.132289479663686, #"{a="7"}"#: 548.317035155212, #"{a="8"}"#: 2.066472176389053e+53, #"{a="9"}"#: 1.0453385141288605])),
        CrossCheck(0.0, #"tanh(v)"#, .values([#"{a="1"}"#: 0.09966799462495582, #"{a="10"}"#: 1e-09, #"{a="11"}"#: 1.0, #"{a="12"}"#: 0.7573623242165263, #"{a="2"}"#: 0.46211715726000974, #"{a="3"}"#: 0.6351489523872873, #"{a="4"}"#: 0.7615941559557649, #"{a="5"}"#: 0.9051482536448664, #"{a="6"}"#: 0.9866142981514303, #"{a="7"}"#: 0.9999983369439447, #"{a="8"}"#: 1.0, #"{a="9"}"#: -0.2913126124515909])),
        CrossCheck(0.0, #"deg(v)"#, .values([#"{a="1"}"#: 5.729577951308232, #"{a="10"}"#: 5.729577951308233e-08, #"{a="11"}"#: 171887.33853924696, #"{a="12"}"#: 56.7228217179515, #"{a="2"}"#: 28.64788975654116, #"{a="3"}"#: 42.97183463481174, #"{a="4"}"#: 57.29577951308232, #"{a="5"}"#: 85.94366926962348, #"{a="6"}"#: 143.2394487827058, #"{a="7"}"#: 401.07045659157626, #"{a="8"}"#: 7073.507755567091, #"{a="9"}"#: -17.188733853924695])),
        CrossCheck(0.0, #"rad(v)"#, .values([#"{a="1"}"#: 0.0017453292519943296, #"{a="10"}"#: 1.7453292519943295e-11, #"{a="11"}"#: 52.35987755982988, #"{a="12"}"#: 0.017278759594743863, #"{a="2"}"#: 0.008726646259971648, #"{a="3"}"#: 0.01308996938995747, #"{a="4"}"#: 0.017453292519943295, #"{a="5"}"#: 0.02617993877991494, #"{a="6"}"#: 0.04363323129985824, #"{a="7"}"#: 0.12217304763960307, #"{a="8"}"#: 2.1547136813421197, #"{a="9"}"#: -0.005235987755982988])),
        CrossCheck(0.0, #"v ^ -3"#, .values([#"{a="1"}"#: 999.9999999999998, #"{a="10"}"#: 9.999999999999997e+26, #"{a="11"}"#: 3.7037037037037036e-11, #"{a="12"}"#: 1.0306101521283646, #"{a="2"}"#: 8.0, #"{a="3"}"#: 2.3703703703703702, #"{a="4"}"#: 1.0, #"{a="5"}"#: 0.2962962962962963, #"{a="6"}"#: 0.064, #"{a="7"}"#: 0.0029154518950437317, #"{a="8"}"#: 5.314512037978083e-07, #"{a="9"}"#: -37.03703703703704])),
        CrossCheck(0.0, #"1.3 ^ v"#, .values([#"{a="1"}"#: 1.026583631304232, #"{a="10"}"#: 1.0000000002623644, #"{a="11"}"#: .infinity, #"{a="12"}"#: 1.2965937349269938, #"{a="2"}"#: 1.140175425099138, #"{a="3"}"#: 1.2174678856663446, #"{a="4"}"#: 1.3, #"{a="5"}"#: 1.4822280526288796, #"{a="6"}"#: 1.9268964684175436, #"{a="7"}"#: 6.274851700000003, #"{a="8"}"#: 116678410032368.55, #"{a="9"}"#: 0.9243086009945788])),
        CrossCheck(0.0, #"v % 0.3"#, .values([#"{a="1"}"#: 0.1, #"{a="10"}"#: 1e-09, #"{a="11"}"#: 1.1102230246251565e-13, #"{a="12"}"#: 0.09000000000000002, #"{a="2"}"#: 0.2, #"{a="3"}"#: 0.15000000000000002, #"{a="4"}"#: 0.10000000000000003, #"{a="5"}"#: 5.551115123125783e-17, #"{a="6"}"#: 0.10000000000000009, #"{a="7"}"#: 0.10000000000000026, #"{a="8"}"#: 0.15600000000000763, #"{a="9"}"#: -0.0])),
    ]
}
