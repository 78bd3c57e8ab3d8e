import Foundation

extension SimulationResult {
    /// An aligned plain-text table for terminals: one line per sync, each
    /// metric as `value → proposal`, then the decision and its reason.
    public func textTable() -> String {
        let header = ["time"] + metrics.map(\.key) + ["desired", "stabilized", "replicas", "rule"]
        var lines: [[String]] = [header]
        for row in rows {
            var cells = [NumberText.time(row.time)]
            // By spec index, so every line has the header's cells even for rows
            // that stopped before reading metrics (or a hand-edited JSON result).
            for index in metrics.indices {
                guard index < row.metrics.count, let observed = row.metrics[index].observed else {
                    cells.append("-")
                    continue
                }
                let proposal = row.metrics[index].proposal.map { " → \($0)" } ?? ""
                cells.append(NumberText.compact(observed) + proposal)
            }
            cells.append(row.desiredReplicas.map(String.init) ?? "-")
            cells.append(row.stabilizedReplicas.map(String.init) ?? "-")
            cells.append(String(row.replicas))
            cells.append(row.limitingRule.rawValue)
            lines.append(cells)
        }
        var widths = Array(repeating: 0, count: header.count)
        for line in lines {
            for (index, cell) in line.enumerated() {
                widths[index] = max(widths[index], cell.count)
            }
        }
        let targets = metrics.map { "\($0.key) target \($0.target)\($0.targetScalesWithReplicas ? " per replica" : "")" }
        var output = "# \(autoscaler): replicas \(minReplicas)–\(maxReplicas), sync every \(NumberText.compact(syncPeriodSeconds)) s; "
        output += targets.joined(separator: ", ") + "\n"
        for line in lines {
            let padded = line.enumerated().map { index, cell in
                // The rule column is last and left ragged.
                index == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            output += padded.joined(separator: "  ") + "\n"
        }
        for note in notes { output += "# note: \(note)\n" }
        return output
    }

    /// One CSV line per sync: `time`, per metric its value and proposal, then
    /// `desired_replicas,stabilized_replicas,replicas,limiting_rule`. Missing
    /// values are empty cells; time is in the input's seconds.
    public func csv() -> String {
        var header = ["time"]
        for metric in metrics { header += [metric.key, "\(metric.key)_proposal"] }
        header += ["desired_replicas", "stabilized_replicas", "replicas", "limiting_rule"]
        var output = header.map(CSVField.escape).joined(separator: ",") + "\n"
        for row in rows {
            var cells = [NumberText.compact(row.time)]
            for index in metrics.indices {
                let evaluation = index < row.metrics.count ? row.metrics[index] : nil
                cells.append(evaluation?.observed.map(NumberText.compact) ?? "")
                cells.append(evaluation?.proposal.map(String.init) ?? "")
            }
            cells.append(row.desiredReplicas.map(String.init) ?? "")
            cells.append(row.stabilizedReplicas.map(String.init) ?? "")
            cells.append(String(row.replicas))
            cells.append(row.limitingRule.rawValue)
            output += cells.joined(separator: ",") + "\n"
        }
        return output
    }

    /// The whole result as JSON (stable key order), for `/api/v1/scaling`.
    public func jsonData(prettyPrinted: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
        return try encoder.encode(self)
    }
}
