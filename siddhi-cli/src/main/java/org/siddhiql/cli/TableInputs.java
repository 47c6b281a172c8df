package org.siddhiql.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.LakehouseTable;
import org.siddhiql.lakehouse.LakehouseTables;
import org.siddhiql.lakehouse.TableAddress;
import org.siddhiql.lakehouse.TableVersion;

/**
 * Checks the {@code --from} tables of a replay against the app before anything runs: the stream exists, the table
 * and its version exist, every attribute of the stream has a column of the same name and type (other columns are
 * not read), and the event-time attribute is a long.
 */
final class TableInputs {
    private final AppPlan plan;
    private final List<String> streams;
    private final Map<String, String> options;
    private final EventTimes eventTimes;

    TableInputs(AppPlan plan, Map<String, String> options, EventTimes eventTimes) {
        this.plan = plan;
        this.streams = new ArrayList<>(plan.streams().keySet());
        this.options = options;
        this.eventTimes = eventTimes;
    }

    /**
     * @param from {@code Stream=ADDRESS}, as given on the command line
     * @throws IllegalArgumentException with a message for the user
     */
    TableInput resolve(String from) {
        int equals = from.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("--from '" + from + "' must be STREAM=ADDRESS, e.g. "
                    + "Trades=iceberg:db.trades@42");
        }
        String streamName = from.substring(0, equals);
        StreamSchema stream = plan.streams().get(streamName);
        if (stream == null) {
            throw new IllegalArgumentException("--from '" + from + "': stream '" + streamName
                    + "' is not defined in the app");
        }
        TableAddress address = TableAddress.parse(from.substring(equals + 1));
        String attribute = eventTimes.of(streamName);
        int eventTime = stream.indexOf(attribute);
        if (eventTime < 0 || stream.attributeType(eventTime) != AttributeType.LONG) {
            throw new IllegalArgumentException("stream " + streamName + " has no long attribute '" + attribute
                    + "' to give its events' time (--event-time)");
        }
        try (LakehouseTable table = LakehouseTables.open(address, options)) {
            TableVersion version = table.resolve(address.asOf());
            StreamSchema columns = table.schema(version);
            int[] mapping = new int[stream.size()];
            for (int i = 0; i < stream.size(); i++) {
                String name = stream.attributeName(i);
                int column = columns.indexOf(name);
                if (column < 0) {
                    throw new IllegalArgumentException(address + " has no column '" + name + "' for attribute '"
                            + name + "' of stream " + streamName);
                }
                if (columns.attributeType(column) != stream.attributeType(i)) {
                    throw new IllegalArgumentException("column '" + name + "' of " + address + " reads as "
                            + columns.attributeType(column).siddhiName() + ", attribute '" + name + "' of stream "
                            + streamName + " is " + stream.attributeType(i).siddhiName());
                }
                mapping[i] = column;
            }
            String pinned = address.withAsOf(AsOf.version(version.id())).toString();
            return new TableInput(streams.indexOf(streamName), pinned, mapping, eventTime);
        }
    }

    /** The streams that {@code inputs} feed. */
    Set<String> fed(List<TableInput> inputs) {
        Set<String> fed = new LinkedHashSet<>();
        inputs.forEach(input -> fed.add(streams.get(input.stream())));
        return fed;
    }

    /** The event-time attribute of each stream: {@code --event-time ts} for all, {@code --event-time S.ts} for one. */
    static final class EventTimes {
        private final String common;
        private final Map<String, String> perStream;

        EventTimes(List<String> given) {
            String all = null;
            Map<String, String> byStream = new HashMap<>();
            for (String entry : given) {
                int dot = entry.indexOf('.');
                if (dot < 0) {
                    all = entry;
                } else {
                    byStream.put(entry.substring(0, dot), entry.substring(dot + 1));
                }
            }
            this.common = all;
            this.perStream = byStream;
        }

        String of(String stream) {
            String attribute = perStream.getOrDefault(stream, common);
            if (attribute == null) {
                throw new IllegalArgumentException("no event-time attribute for stream " + stream + ": give "
                        + "--event-time ATTR or --event-time " + stream + ".ATTR");
            }
            return attribute;
        }
    }
}
