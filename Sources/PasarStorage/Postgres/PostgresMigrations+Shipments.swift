extension PostgresMigrations {
    /// `v13-split-shipments` of `SQLiteMigrations`.
    static let splitShipments = Step(
        name: "v13-split-shipments",
        statements: [
            "ALTER TABLE orders DROP CONSTRAINT orders_status_check",
            """
            ALTER TABLE orders ADD CONSTRAINT orders_status_check
                CHECK (status IN ('placed', 'paid', 'ready_for_pickup', 'partially_shipped', 'shipped', 'delivered', 'collected', 'cancelled'))
            """,
            "ALTER TABLE order_lines ADD COLUMN shipment BIGINT",
            "UPDATE order_lines SET shipment = 1 WHERE order_id IN (SELECT id FROM orders WHERE fulfilment = 'ship')",
            "CREATE INDEX order_lines_by_product ON order_lines(product_id, order_id)",
            """
            ALTER TABLE order_shipments ADD COLUMN status TEXT CHECK (status IN ('pending', 'shipped', 'delivered', 'cancelled')),
                ADD COLUMN closed_at BIGINT, ALTER COLUMN carrier DROP NOT NULL, ALTER COLUMN tracking_number DROP NOT NULL,
                ALTER COLUMN shipped_at DROP NOT NULL
            """,
            """
            UPDATE order_shipments s SET status = CASE o.status WHEN 'delivered' THEN 'delivered' ELSE 'shipped' END,
                closed_at = (SELECT max(changed_at) FROM order_status_changes c WHERE c.order_id = o.id AND c.status = 'delivered')
            FROM orders o WHERE o.id = s.order_id
            """,
            """
            INSERT INTO order_shipments (order_id, number, location, status, shipped_at, closed_at)
            SELECT o.id, 1, o.location, CASE WHEN o.status IN ('shipped', 'delivered', 'cancelled') THEN o.status ELSE 'pending' END,
                (SELECT max(changed_at) FROM order_status_changes c WHERE c.order_id = o.id AND c.status = 'shipped'),
                (SELECT max(changed_at) FROM order_status_changes c WHERE c.order_id = o.id AND c.status IN ('delivered', 'cancelled'))
            FROM orders o
            WHERE o.fulfilment = 'ship' AND NOT EXISTS (SELECT 1 FROM order_shipments s WHERE s.order_id = o.id)
            """,
            "ALTER TABLE order_shipments ALTER COLUMN status SET NOT NULL",
        ])
}
