package org.siddhiql.beam.runtime;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.state.MapState;

/**
 * The ids of the map-cell entries in a DoFn's Beam state, sorted, so that a cell's entries are one range of ids:
 * Beam's MapState has no range reads, and scanning every map cell's entries to find one cell's made a kernel's
 * iteration cost grow with all the state of the key.
 *
 * <p>The index is a cache of the state's keys, never their source of truth: {@link #sync} rebuilds it from the
 * state unless the state is the one this index last saw. To know, each sync writes a fresh version (this index's
 * random id and a counter) into the state and keeps it: any other writer (another DoFn instance, or a restore of
 * a checkpoint taken before the latest sync, which rolls back the entries too) leaves another version there.
 */
final class EntryIndex {
    /** Where the version lives among the value cells; ids of cells start with a digit or "global|". */
    private static final String VERSION = "index|version";
    /** Greater than every character of an encoded key, which are ISO-8859-1 (see {@link BeamStateProvider}). */
    private static final char AFTER_KEYS = '\u0100';

    private final long instance = ThreadLocalRandom.current().nextLong();
    private final NavigableSet<String> ids = new TreeSet<>();
    private long syncs;
    private byte[] version;

    /** Makes the index that of these states, rebuilt when they are not what this index last saw. */
    void sync(MapState<String, byte[]> values, MapState<String, byte[]> entries) {
        if (version == null || !Arrays.equals(version, values.get(VERSION).read())) {
            ids.clear();
            entries.keys().read().forEach(ids::add);
        }
        version = ByteBuffer.allocate(2 * Long.BYTES).putLong(instance).putLong(++syncs).array();
        values.put(VERSION, version);
    }

    void added(String id) {
        ids.add(id);
    }

    void removed(String id) {
        ids.remove(id);
    }

    /** The ids starting with {@code prefix}, in order, copied: the caller may change the state as it goes. */
    List<String> within(String prefix) {
        return new ArrayList<>(range(prefix));
    }

    /** The first id starting with {@code prefix}, or null. */
    String first(String prefix) {
        String id = ids.ceiling(prefix);
        return id != null && id.startsWith(prefix) ? id : null;
    }

    private NavigableSet<String> range(String prefix) {
        return ids.subSet(prefix, true, prefix + AFTER_KEYS, false);
    }
}
