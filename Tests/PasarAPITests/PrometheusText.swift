/// Reading the Prometheus text format in tests.
enum PrometheusText {
    /// The sample of `name` whose labels include every one of `labels`; nil when there is none.
    static func sample(_ text: String, _ name: String, _ labels: [String] = []) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + "{") || line.hasPrefix(name + " ") {
            let (series, value) = (line.prefix { $0 != " " }, line.split(separator: " ").last ?? "")
            if labels.allSatisfy({ series.contains($0) }) { return Double(value) }
        }
        return nil
    }
}
