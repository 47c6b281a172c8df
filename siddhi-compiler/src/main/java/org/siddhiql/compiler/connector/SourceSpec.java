package org.siddhiql.compiler.connector;

import java.util.Map;
import java.util.Objects;

/** A compiled {@code @source}: where a stream's events come from and how records map to them. */
public final class SourceSpec extends ConnectorSpec {
    private static final long serialVersionUID = 1L;

    private final ScanPredicate scanFilter;

    public SourceSpec(String stream, String type, Map<String, String> options, MapSpec map, int line, int column) {
        this(stream, type, options, map, line, column, null);
    }

    private SourceSpec(String stream, String type, Map<String, String> options, MapSpec map, int line, int column,
            ScanPredicate scanFilter) {
        super(stream, type, options, map, line, column);
        this.scanFilter = scanFilter;
    }

    /** This source, reading only rows that satisfy {@code predicate} may skip the rest ({@link ScanFilters}). */
    public SourceSpec withScanFilter(ScanPredicate predicate) {
        return new SourceSpec(stream(), type(), options(), map(), line(), column(), Objects.requireNonNull(predicate));
    }

    /** What a table source may skip rows by; null when it must read every row. */
    public ScanPredicate scanFilter() {
        return scanFilter;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(scanFilter, ((SourceSpec) o).scanFilter);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Objects.hashCode(scanFilter);
    }

    @Override
    public String toString() {
        return "@source(type='" + type() + "'" + describe(options()) + ", " + map() + ") " + stream()
                + (scanFilter == null ? "" : "  scan filter: " + scanFilter);
    }
}
