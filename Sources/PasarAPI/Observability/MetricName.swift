/// The name of every metric Pasar exports (README, "Metrics", says what each means).
enum MetricName {
    static let requests = "pasar_http_requests_total"
    static let requestDuration = "pasar_http_request_duration_seconds"
    static let requestsInFlight = "pasar_http_requests_in_flight"
    static let pageCacheHits = "pasar_page_cache_hits_total"
    static let pageCacheMisses = "pasar_page_cache_misses_total"
    static let rateLimited = "pasar_rate_limited_total"
    static let checkoutsPlaced = "pasar_checkouts_placed_total"
    static let checkoutsRefused = "pasar_checkouts_refused_total"
    static let webhookDeliveries = "pasar_webhook_deliveries_total"
    static let emailDeliveries = "pasar_email_deliveries_total"
    static let cartWritesRefused = "pasar_cart_writes_refused_total"
    static let databaseUnavailable = "pasar_database_unavailable_total"
    static let outboxLag = "pasar_outbox_lag_seconds"
}
