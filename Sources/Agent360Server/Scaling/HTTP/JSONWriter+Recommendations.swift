import Scaling

extension JSONWriter {
    mutating func resourceThresholds(_ thresholds: ResourceThresholds) {
        beginObject()
        field("cpuIncreaseAbove", number: thresholds.cpuHigh)
        field("cpuIncrementCores", number: thresholds.cpuIncrementCores)
        field("memoryIncreaseAbove", number: thresholds.memoryHigh)
        field("memoryIncrementBytes", number: thresholds.memoryIncrementBytes)
        field("downsizeBelow", number: thresholds.underUtilized)
        field("downsizeTarget", number: thresholds.downsizeTarget)
        field("idleCPUBelow", number: thresholds.idleCPU)
        field("idleRequestRateAtMost", number: thresholds.idleRequestRate)
        endObject()
    }

    mutating func resourceAssessment(_ assessment: ResourceAssessment) {
        beginObject()
        field("namespace", assessment.namespace)
        field("workload", assessment.workload)
        field("cpuP95", number: assessment.cpuP95)
        field("memoryP95", number: assessment.memoryP95)
        field("requestRateP95", number: assessment.requestRateP95)
        field("idle", bool: assessment.idle)
        key("recommendations")
        beginArray()
        for recommendation in assessment.recommendations {
            beginObject()
            field("action", recommendation.action.rawValue)
            field("reason", recommendation.reason)
            key("suggested")
            if let size = recommendation.suggested {
                beginObject()
                field("cpuRequestCores", number: size.cpuRequestCores)
                field("cpuLimitCores", number: size.cpuLimitCores)
                field("memoryRequestBytes", number: size.memoryRequestBytes)
                field("memoryLimitBytes", number: size.memoryLimitBytes)
                endObject()
            } else {
                null()
            }
            field("projectedCPUUtilization", number: recommendation.projectedCPUUtilization)
            field("projectedMemoryUtilization", number: recommendation.projectedMemoryUtilization)
            endObject()
        }
        endArray()
        endObject()
    }

    mutating func costEstimate(_ estimate: CostEstimate, prices: CostPrices) {
        let report = estimate.report
        beginObject()
        field("time", RFC3339Text.format(milliseconds: estimate.time))
        field("currency", report.currency)
        field("total", number: report.total)
        key("breakdown")
        beginArray()
        for line in report.breakdown {
            beginObject()
            field("category", line.category.rawValue)
            field("name", line.name)
            field("amount", number: line.amount)
            field("percent", number: line.percent)
            endObject()
        }
        endArray()
        key("recommendations")
        beginArray()
        for recommendation in report.recommendations {
            beginObject()
            field("action", recommendation.action.rawValue)
            field("reason", recommendation.reason)
            field("estimatedMonthlySaving", number: recommendation.estimatedMonthlySaving)
            endObject()
        }
        endArray()
        field("combinedEstimatedMonthlySaving", number: report.combinedEstimatedMonthlySaving)
        key("usage")
        beginObject()
        field("vcpus", number: estimate.vcpus)
        field("memoryGiB", number: estimate.memoryGiB)
        field("vcpuHours", number: estimate.usage.vcpuHours)
        field("memoryGiBHours", number: estimate.usage.memoryGiBHours)
        field("storageGiB", number: estimate.usage.storageGiB)
        field("networkEgressGiB", number: estimate.usage.networkEgressGiB)
        field("onDemandHours", number: estimate.usage.onDemandHours)
        field("computeUtilization", number: estimate.usage.computeUtilization)
        endObject()
        key("usageSources")
        beginObject()
        for (name, source) in estimate.sources { field(name, source.rawValue) }
        endObject()
        key("prices")
        beginObject()
        field("vcpuHour", number: prices.vcpuHour)
        field("memoryGiBHour", number: prices.memoryGiBHour)
        field("storageGiBMonth", number: prices.storageGiBMonth)
        field("networkGiB", number: prices.networkEgressGiB)
        field("reservedDiscount", number: prices.reservedDiscount)
        key("services")
        beginObject()
        for name in prices.fixedServicesMonthly.keys.sorted() { field(name, number: prices.fixedServicesMonthly[name]) }
        endObject()
        endObject()
        endObject()
    }
}
