package org.siddhiql.lakehouse.iceberg;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.metrics.MetricsReport;
import org.apache.iceberg.metrics.MetricsReporter;
import org.apache.iceberg.metrics.ScanReport;

/**
 * Keeps the scan reports of the catalogs that name it in {@code metrics-reporter-impl}: how many data files each
 * scan planned and skipped. Tests run the Flink job in this JVM, so its source's scans are reported here.
 */
public final class ScanReports implements MetricsReporter {
    private static final List<ScanReport> REPORTS = new ArrayList<>();

    @Override
    public void report(MetricsReport report) {
        if (report instanceof ScanReport scan) {
            synchronized (REPORTS) {
                REPORTS.add(scan);
            }
        }
    }

    static void clear() {
        synchronized (REPORTS) {
            REPORTS.clear();
        }
    }

    static List<ScanReport> all() {
        synchronized (REPORTS) {
            return new ArrayList<>(REPORTS);
        }
    }
}
