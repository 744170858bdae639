import Yams

extension Node {
    /// Whether this tree has a value at a validation field path such as `tax.rates.standard` or
    /// `stores[1].country`; used to tell which file of an `extends` chain a problem lives in.
    func hasValue(at fieldPath: String) -> Bool {
        var node: Node? = self
        for component in fieldPath.split(separator: ".") {
            let parts = component.split(separator: "[", omittingEmptySubsequences: false)
            if let key = parts.first, !key.isEmpty {
                guard case .mapping(let mapping)? = node else { return false }
                node = mapping[String(key)]
            }
            for index in parts.dropFirst() {
                guard case .sequence(let sequence)? = node, let position = Int(index.dropLast()),
                    sequence.indices.contains(position)
                else { return false }
                node = sequence[position]
            }
        }
        return node != nil
    }
}
