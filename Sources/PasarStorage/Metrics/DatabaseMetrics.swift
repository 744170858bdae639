import CoreMetrics

/// The connection pool and statement errors of one database, reported through swift-metrics to the
/// factory `pasar serve` passes in (its Prometheus registry); the README's "Metrics" says what each means.
/// Reads and writes are told apart (`access`): on SQLite they wait for different things (a reader
/// connection, the one writer), on PostgreSQL for the same pool.
struct DatabaseMetrics: Sendable {
    let reads: PoolMetrics
    let writes: PoolMetrics
    private let errors: [StatementErrorReason: CoreMetrics.Counter]

    /// `database`: "sqlite" or "postgresql", the `database` label of every series.
    init(factory: any MetricsFactory, database: String) {
        reads = PoolMetrics(factory: factory, database: database, access: "read")
        writes = PoolMetrics(factory: factory, database: database, access: "write")
        var errors: [StatementErrorReason: CoreMetrics.Counter] = [:]
        for reason in StatementErrorReason.allCases {
            errors[reason] = CoreMetrics.Counter(
                label: DatabaseMetricName.statementErrors, dimensions: [("database", database), ("reason", reason.rawValue)], factory: factory)
        }
        self.errors = errors
    }

    /// Counts a read or write that ended with a database error; other errors (a rule the body
    /// threw, a cancelled request) are not the database's and pass uncounted.
    func count(_ reason: StatementErrorReason?) {
        guard let reason else { return }
        errors[reason]?.increment()
    }
}

/// The names of the database's metrics, for the README and for the histogram buckets the server sets.
public enum DatabaseMetricName {
    public static let inUse = "pasar_database_pool_in_use"
    public static let waiting = "pasar_database_pool_waiting"
    public static let wait = "pasar_database_pool_wait_seconds"
    public static let statementErrors = "pasar_database_statement_errors_total"
}

/// One kind of access's connections: how many are in use, how many requests wait for one, and how
/// long each wait took.
struct PoolMetrics: Sendable {
    let inUse: CoreMetrics.Meter
    let waiting: CoreMetrics.Meter
    let wait: CoreMetrics.Timer

    init(factory: any MetricsFactory, database: String, access: String) {
        let labels = [("database", database), ("access", access)]
        inUse = CoreMetrics.Meter(label: DatabaseMetricName.inUse, dimensions: labels, factory: factory)
        waiting = CoreMetrics.Meter(label: DatabaseMetricName.waiting, dimensions: labels, factory: factory)
        wait = CoreMetrics.Timer(label: DatabaseMetricName.wait, dimensions: labels, factory: factory)
    }
}
