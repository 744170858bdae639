import Foundation
import PasarCore

/// A point on Earth, from market files or `?near=lat,lng`.
struct Coordinate: Sendable, Equatable {
    let latitude: Double
    let longitude: Double

    init?(latitude: ExactDecimal?, longitude: ExactDecimal?) {
        guard let latitude, let longitude, let lat = Double(latitude.description), let lng = Double(longitude.description) else { return nil }
        self.latitude = lat
        self.longitude = lng
    }

    init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Parses `52.52,13.40`; nil unless both parts are numbers in range.
    init?(query: String) {
        let parts = query.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lat = Double(parts[0]), let lng = Double(parts[1]), (-90...90).contains(lat), (-180...180).contains(lng)
        else { return nil }
        latitude = lat
        longitude = lng
    }

    /// Great-circle distance by the haversine formula on a sphere of 6371 km (good to ~0.5 %,
    /// plenty for ranking stores; distances are not money, so `Double` is fine).
    func kilometres(to other: Coordinate) -> Double {
        let radians = Double.pi / 180
        let dLat = (other.latitude - latitude) * radians
        let dLng = (other.longitude - longitude) * radians
        let a = pow(sin(dLat / 2), 2) + cos(latitude * radians) * cos(other.latitude * radians) * pow(sin(dLng / 2), 2)
        return 2 * 6371 * asin(min(1, sqrt(a)))
    }
}
