package org.siddhiql.lakehouse;

import java.util.Locale;
import java.util.Objects;

/**
 * A table and the version to read, as the CLI writes it: {@code iceberg:db.trades}, {@code iceberg:db.trades@42}
 * (snapshot id), {@code iceberg:db.trades@2026-11-27T10:15:30Z}, {@code iceberg:db.trades@release-1} (tag or
 * branch), {@code delta:/data/trades@3} (version) or {@code delta:s3://bucket/trades@2026-11-27T10:15:30Z}.
 *
 * @param name an Iceberg table identifier ({@code namespace.table}) or a Delta table's path or URI
 */
public record TableAddress(TableFormat format, String name, AsOf asOf) {
    public TableAddress {
        Objects.requireNonNull(format);
        Objects.requireNonNull(name);
        Objects.requireNonNull(asOf);
    }

    /** @throws IllegalArgumentException with a message for the user when the text is not an address */
    public static TableAddress parse(String text) {
        int colon = text.indexOf(':');
        String formatName = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        TableFormat format = null;
        for (TableFormat candidate : TableFormat.values()) {
            if (candidate.id().equals(formatName)) {
                format = candidate;
            }
        }
        if (format == null) {
            throw new IllegalArgumentException("'" + text + "' is not a table address: it takes iceberg:NAMESPACE.TABLE"
                    + " or delta:PATH, optionally followed by @VERSION, @TIMESTAMP or (Iceberg) @TAG");
        }
        String rest = text.substring(colon + 1);
        // the last '@': a path may hold one, a version never does
        int at = rest.lastIndexOf('@');
        String name = at < 0 ? rest : rest.substring(0, at);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' names no table");
        }
        AsOf asOf = at < 0 ? AsOf.latest() : AsOf.parse(rest.substring(at + 1));
        if (format == TableFormat.DELTA && asOf.kind() == AsOf.Kind.REFERENCE) {
            throw new IllegalArgumentException("'" + text + "': Delta tables have no tags or branches; after @ give"
                    + " a version number or an ISO-8601 instant");
        }
        return new TableAddress(format, name, asOf);
    }

    public TableAddress withAsOf(AsOf newAsOf) {
        return new TableAddress(format, name, newAsOf);
    }

    @Override
    public String toString() {
        return format.id() + ":" + name + (asOf.kind() == AsOf.Kind.LATEST ? "" : "@" + asOf);
    }
}
