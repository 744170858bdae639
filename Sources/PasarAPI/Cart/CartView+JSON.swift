/// The cart written by hand: it is rendered on every cart write and read, and the generic encoder was the
/// largest single cost of an add-line request (18 % of its profile). Members in sorted key order, nil ones
/// left out: the same bytes as `JSONResponseEncoder.encoder` (`HandWrittenJSONTests`). A merge report,
/// only on sign-in and merge responses, goes through the encoder.
extension CartView: HandWrittenJSON {
    var handWrittenJSON: [UInt8]? {
        guard merge == nil else { return nil }
        var json = JSONBytes()
        json.object { json in
            json.member("cash", cash) { json, cash in
                json.object { json in
                    json.member("adjustment", cash.adjustment, Self.amount)
                    json.member("total", cash.total, Self.amount)
                }
            }
            json.key("channels")
            json.array(channels) { json, channel in json.string(channel) }
            json.member("created_at", createdAt)
            json.member("currency", currency)
            json.member("customer_id", customerID)
            json.member("email", email)
            json.member("expires_at", expiresAt)
            json.member("id", id)
            json.member("item_count", itemCount)
            json.member("language", language)
            json.key("lines")
            json.array(lines, Self.line)
            json.member("loyalty", loyalty) { json, loyalty in
                json.object { json in
                    json.member("discount", loyalty.discount, Self.amount)
                    json.member("points", loyalty.points)
                    json.member("points_spent", loyalty.pointsSpent)
                }
            }
            json.member("market", market)
            json.member("merged_into", mergedInto)
            json.member("shipping", shipping) { json, shipping in
                json.object { json in
                    json.member("delivery", shipping.delivery) { json, delivery in
                        json.object { json in
                            json.member("earliest", delivery.earliest)
                            json.member("formatted", delivery.formatted)
                            json.member("latest", delivery.latest)
                        }
                    }
                    json.member("free", shipping.free)
                    json.member("method", shipping.method)
                    json.member("name", shipping.name)
                    json.member("net", shipping.net, Self.amount)
                    json.member("tax", shipping.tax, Self.amount)
                    json.member("total", shipping.total, Self.amount)
                }
            }
            json.member("status", status)
            json.member("totals", totals, Self.totals)
            json.member("updated_at", updatedAt)
            json.member("version", version)
            json.key("vouchers")
            json.array(vouchers) { json, voucher in
                json.object { json in
                    json.member("applied", voucher.applied)
                    json.member("code", voucher.code)
                    json.member("kind", voucher.kind)
                    json.member("message", voucher.message)
                    json.member("reason", voucher.reason)
                    json.member("valid_from", voucher.validFrom)
                    json.member("valid_from_formatted", voucher.validFromFormatted)
                    json.member("valid_until", voucher.validUntil)
                    json.member("valid_until_formatted", voucher.validUntilFormatted)
                }
            }
        }
        return json.bytes
    }

    private static func line(_ json: inout JSONBytes, _ line: CartLineView) {
        json.object { json in
            json.member("added_at", line.addedAt)
            json.member("amount", line.amount, amount)
            json.member("available", line.available)
            json.member("channel", line.channel)
            json.member("compare_at", line.compareAt, amount)
            json.member("customer_group", line.customerGroup)
            json.member("discount", line.discount, amount)
            json.member("id", line.id)
            json.member("name", line.name)
            json.member("net", line.net, amount)
            json.member("priced_at", line.pricedAt)
            json.member("product_id", line.productID)
            json.member("quantity", line.quantity)
            json.member("sku", line.sku)
            json.member("tax", line.tax, amount)
            json.member("tax_rate", line.taxRate)
            json.member("total", line.total, amount)
            json.member("unavailable_reason", line.unavailableReason)
            json.member("unit_price", line.unitPrice, amount)
            json.member("updated_at", line.updatedAt)
        }
    }

    private static func totals(_ json: inout JSONBytes, _ totals: CartTotalsView) {
        json.object { json in
            json.member("discount", totals.discount, amount)
            json.member("net", totals.net, amount)
            json.member("shipping", totals.shipping, amount)
            json.member("subtotal", totals.subtotal, amount)
            json.member("tax", totals.tax, amount)
            json.member("tax_included", totals.taxIncluded)
            json.key("taxes")
            json.array(totals.taxes) { json, rate in
                json.object { json in
                    json.member("net", rate.net, amount)
                    json.member("rate", rate.rate)
                    json.member("tax", rate.tax, amount)
                }
            }
            json.member("total", totals.total, amount)
        }
    }

    private static func amount(_ json: inout JSONBytes, _ amount: AmountView) {
        json.object { json in
            json.member("amount", amount.amount)
            json.member("currency", amount.currency)
            json.member("formatted", amount.formatted)
        }
    }
}
