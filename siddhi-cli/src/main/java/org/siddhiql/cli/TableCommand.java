package org.siddhiql.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.util.TimeUtils;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.OnDemandCompiler;
import org.siddhiql.compiler.plan.OnDemandPlan;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.Compaction;
import org.siddhiql.lakehouse.Expiry;
import org.siddhiql.lakehouse.LakehouseTable;
import org.siddhiql.lakehouse.LakehouseTables;
import org.siddhiql.lakehouse.TableAddress;
import org.siddhiql.lakehouse.TableFormat;
import org.siddhiql.lakehouse.TableVersion;
import org.siddhiql.runtime.event.Event;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/siddhi table}: the versions of an Iceberg or Delta table, queries over any of them, and upkeep. */
@Command(name = "table", mixinStandardHelpOptions = true,
        description = "Shows, queries and maintains Iceberg and Delta tables.",
        subcommands = {TableCommand.History.class, TableCommand.Query.class, TableCommand.Compact.class,
                TableCommand.Expire.class})
final class TableCommand {
    private TableCommand() {
    }

    /** What every table subcommand takes: the table's address and where it lies. */
    abstract static class OnTable extends CliCommand {
        @Parameters(index = "0", paramLabel = "TABLE", description = {"iceberg:NAMESPACE.TABLE or delta:PATH, "
                + "optionally @VERSION, @ISO-INSTANT or (Iceberg) @TAG"})
        String table;

        @Option(names = "--option", paramLabel = "KEY=VALUE", description = {"where the table lies, by the "
                + "connector option names: catalog.type, warehouse, uri, endpoint, aws.access.key, ..."})
        Map<String, String> options = new LinkedHashMap<>();

        @Override
        final int execute() throws Exception {
            TableAddress address;
            LakehouseTable opened;
            try {
                address = TableAddress.parse(table);
                opened = LakehouseTables.open(address, options);
            } catch (IllegalArgumentException e) {
                throw new UserError("error: " + e.getMessage());
            }
            try (opened) {
                return execute(address, opened);
            } catch (IllegalArgumentException e) { // an unknown version, from resolve
                throw new UserError("error: " + e.getMessage());
            }
        }

        abstract int execute(TableAddress address, LakehouseTable table) throws Exception;
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = {"Prints the table's versions, oldest first: id, commit time, "
            + "operation and a summary; with @VERSION in TABLE, those up to that version."})
    static final class History extends OnTable {
        /** The summary entries shown when the format has them (Iceberg's snapshot summary). */
        private static final List<String> SHOWN = List.of("added-records", "deleted-records", "total-records",
                "added-data-files", "total-data-files");

        @Override
        int execute(TableAddress address, LakehouseTable opened) {
            long last = address.asOf().kind() == AsOf.Kind.LATEST ? -1 : opened.resolve(address.asOf()).id();
            for (TableVersion version : opened.history()) {
                out().println(line(version));
                if (version.id() == last) {
                    break;
                }
            }
            return 0;
        }

        static String line(TableVersion version) {
            StringJoiner line = new StringJoiner(" ");
            line.add(Long.toString(version.id())).add(version.committedAt().toString()).add(version.operation());
            Map<String, String> summary = new TreeMap<>(version.summary());
            List<String> keys = SHOWN.stream().filter(summary::containsKey).collect(Collectors.toList());
            for (String key : keys.isEmpty() ? new ArrayList<>(summary.keySet()) : keys) {
                line.add(key + "=" + summary.get(key));
            }
            return line.toString();
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true,
            description = {"Runs a SiddhiQL on-demand query over the table's rows at a version, "
            + "e.g. \"from trades on price > 10 select symbol, sum(volume) as v group by symbol\". The table is "
            + "named by the last part of its name or path, or --as.",
            "Prints one JSON line per result row, as run does; ts is the version's commit time."})
    static final class Query extends OnTable {
        @Parameters(index = "1", paramLabel = "QUERY", description = "the on-demand query")
        String query;

        @Option(names = "--as-of", paramLabel = "VERSION", description = {"the version to read: a snapshot or "
                + "version id, an ISO-8601 instant or a tag (default: the latest, or TABLE's @)"})
        String asOf;

        @Option(names = "--as", paramLabel = "NAME", description = "the name the query reads the table by")
        String name;

        @Override
        int execute(TableAddress address, LakehouseTable opened) {
            if (asOf != null && address.asOf().kind() != AsOf.Kind.LATEST) {
                throw new UserError("error: give the version either in TABLE (@" + address.asOf() + ") or with "
                        + "--as-of, not both");
            }
            TableVersion version = opened.resolve(asOf == null ? address.asOf() : AsOf.parse(asOf));
            String tableName = name != null ? name : defaultName(address);
            StreamSchema columns = opened.schema(version).renamed(tableName);
            OnDemandPlan plan;
            try {
                plan = new OnDemandCompiler().compile(definition(columns), query);
            } catch (CompileException e) {
                throw new UserError(e.format("QUERY"));
            }
            long committed = version.committedAt().toEpochMilli();
            List<Event> rows;
            try (Stream<Object[]> read = opened.rows(version)) {
                rows = read.map(row -> new Event(committed, row)).collect(Collectors.toList());
            }
            for (Event row : plan.evaluate(rows)) {
                out().println(EventJson.line(row));
            }
            return 0;
        }

        /** The last part of an Iceberg identifier ({@code db.trades}) or of a Delta path ({@code /data/trades}). */
        static String defaultName(TableAddress address) {
            String name = address.name().replaceAll("/+$", "");
            int cut = address.format() == TableFormat.ICEBERG ? name.lastIndexOf('.') : name.lastIndexOf('/');
            String last = name.substring(cut + 1);
            if (!last.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new UserError("error: '" + last + "' is not a name a query can use; name the table with --as");
            }
            return last;
        }

        private static String definition(StreamSchema columns) {
            StringJoiner attributes = new StringJoiner(", ", "define table " + columns.name() + " (", ");");
            for (int i = 0; i < columns.size(); i++) {
                attributes.add(columns.attributeName(i) + " " + columns.attributeType(i).siddhiName());
            }
            return attributes.toString();
        }
    }

    @Command(name = "compact", mixinStandardHelpOptions = true,
            description = "Rewrites the latest version's small data files into fewer, larger ones.")
    static final class Compact extends OnTable {
        @Override
        int execute(TableAddress address, LakehouseTable opened) {
            Compaction done = opened.compact();
            if (done.version() == null) {
                out().println("nothing to compact");
            } else {
                out().println("rewrote " + done.filesRewritten() + " data files into " + done.filesWritten()
                        + ": version " + done.version().id());
            }
            return 0;
        }
    }

    @Command(name = "expire", mixinStandardHelpOptions = true,
            description = {"Makes the versions committed before a time unreadable and deletes the "
            + "files only they use; never the latest version, nor the last one each writing job committed."})
    static final class Expire extends OnTable {
        @Option(names = "--older-than", required = true, paramLabel = "DURATION|INSTANT",
                description = "a duration before now (7d, 12h, 30min) or an ISO-8601 instant")
        String olderThan;

        @Override
        int execute(TableAddress address, LakehouseTable opened) {
            Expiry done = opened.expire(cutOff(olderThan, Instant.now()));
            out().println("expired " + done.expired().size() + " versions" + ids(done.expired()));
            if (!done.keptForJobs().isEmpty()) {
                out().println("kept for jobs" + ids(done.keptForJobs()));
            }
            return 0;
        }

        static Instant cutOff(String olderThan, Instant now) {
            try {
                return Instant.parse(olderThan);
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return now.minus(TimeUtils.parseDuration(olderThan));
                } catch (IllegalArgumentException notADuration) {
                    throw new UserError("error: --older-than '" + olderThan + "' is neither a duration such as 7d or"
                            + " 12h nor an ISO-8601 instant");
                }
            }
        }

        private static String ids(List<Long> ids) {
            return ids.isEmpty() ? "" : ": " + ids.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
    }
}
