package org.siddhiql.lakehouse;

import java.time.Instant;
import java.util.Objects;

/**
 * Which version of a table to read: the latest, a version id (an Iceberg snapshot id, a Delta version), the version
 * current at an instant, or a named reference (an Iceberg tag or branch).
 */
public final class AsOf {
    /** How an {@link AsOf} names a version. */
    public enum Kind {
        LATEST,
        VERSION,
        TIMESTAMP,
        REFERENCE
    }

    private static final AsOf LATEST = new AsOf(Kind.LATEST, 0L, null, null);

    private final Kind kind;
    private final long version;
    private final Instant timestamp;
    private final String reference;

    private AsOf(Kind kind, long version, Instant timestamp, String reference) {
        this.kind = kind;
        this.version = version;
        this.timestamp = timestamp;
        this.reference = reference;
    }

    public static AsOf latest() {
        return LATEST;
    }

    public static AsOf version(long version) {
        return new AsOf(Kind.VERSION, version, null, null);
    }

    /** The version that was current at {@code timestamp}: the last one committed at or before it. */
    public static AsOf timestamp(Instant timestamp) {
        return new AsOf(Kind.TIMESTAMP, 0L, Objects.requireNonNull(timestamp), null);
    }

    public static AsOf reference(String name) {
        return new AsOf(Kind.REFERENCE, 0L, null, Objects.requireNonNull(name));
    }

    /**
     * Parses what follows {@code @} in a table address: digits are a version id, an ISO-8601 instant
     * ({@code 2026-11-27T10:15:30Z}) a timestamp, anything else a reference name.
     */
    public static AsOf parse(String text) {
        if (text.matches("\\d+")) {
            return version(Long.parseLong(text));
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            try {
                return timestamp(Instant.parse(text));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant such as"
                        + " 2026-11-27T10:15:30Z");
            }
        }
        return reference(text);
    }

    public Kind kind() {
        return kind;
    }

    /** The version id; only for {@link Kind#VERSION}. */
    public long version() {
        return version;
    }

    /** Only for {@link Kind#TIMESTAMP}. */
    public Instant timestamp() {
        return timestamp;
    }

    /** Only for {@link Kind#REFERENCE}. */
    public String reference() {
        return reference;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AsOf other && kind == other.kind && version == other.version
                && Objects.equals(timestamp, other.timestamp) && Objects.equals(reference, other.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, version, timestamp, reference);
    }

    /** As written after {@code @} in an address; {@code latest} for the latest version. */
    @Override
    public String toString() {
        switch (kind) {
            case VERSION:
                return Long.toString(version);
            case TIMESTAMP:
                return timestamp.toString();
            case REFERENCE:
                return reference;
            default:
                return "latest";
        }
    }
}
