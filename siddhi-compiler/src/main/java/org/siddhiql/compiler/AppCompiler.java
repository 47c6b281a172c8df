package org.siddhiql.compiler;

import io.siddhi.query.api.SiddhiApp;
import io.siddhi.query.api.SiddhiElement;
import io.siddhi.query.api.annotation.Element;
import io.siddhi.query.api.definition.AbstractDefinition;
import io.siddhi.query.api.definition.AggregationDefinition;
import io.siddhi.query.api.definition.Attribute;
import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.definition.StreamDefinition;
import io.siddhi.query.api.definition.TableDefinition;
import io.siddhi.query.api.definition.WindowDefinition;
import io.siddhi.query.api.exception.SiddhiAppContextException;
import io.siddhi.query.api.execution.ExecutionElement;
import io.siddhi.query.api.execution.partition.Partition;
import io.siddhi.query.api.execution.query.Query;
import io.siddhi.query.api.util.AnnotationHelper;
import io.siddhi.query.compiler.exception.SiddhiParserException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.siddhiql.compiler.connector.ConnectorCompiler;
import org.siddhiql.compiler.connector.ScanFilters;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.expression.ExpressionCompiler;
import org.siddhiql.compiler.function.FunctionRegistry;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.PartitionPlan;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.fault.OnErrorAction;
import org.siddhiql.runtime.fault.StreamFaults;
import org.siddhiql.runtime.aggregation.AggregationSpec;
import org.siddhiql.runtime.table.TableSpec;
import org.siddhiql.runtime.trigger.TriggerSpec;
import org.siddhiql.runtime.window.NamedWindowSpec;
import org.siddhiql.runtime.window.Windows;

/**
 * Compiles SiddhiQL text into an {@link AppPlan}: parses it with Siddhi's own grammar, checks every name and type,
 * and plans each query. Errors are {@link CompileException}s that point at the offending element.
 */
public final class AppCompiler {
    private final FunctionRegistry functions;
    private final Windows windows;

    public AppCompiler() {
        this(FunctionRegistry.builtIns(), Windows.builtIns());
    }

    public AppCompiler(FunctionRegistry functions, Windows windows) {
        this.functions = functions;
        this.windows = windows;
    }

    public AppPlan compile(String appText) {
        SiddhiApp app = parse(appText);
        rejectUnsupportedDefinitions(app);
        Map<String, StreamSchema> streams = new LinkedHashMap<>();
        Map<String, OnErrorAction> onError = new LinkedHashMap<>();
        for (StreamDefinition definition : app.getStreamDefinitionMap().values()) {
            StreamSchema schema = schemaOf(definition);
            streams.put(definition.getId(), schema);
            OnErrorAction action = onErrorAction(definition);
            if (action != null) {
                onError.put(definition.getId(), action);
            }
            if (action == OnErrorAction.STREAM) {
                streams.put(StreamFaults.faultStreamOf(definition.getId()), faultSchemaOf(schema));
            }
        }
        StreamFaults faults = new StreamFaults(onError);
        Map<String, TableSpec> tables = tablesOf(app);
        Map<String, TriggerSpec> triggers = TriggerCompiler.triggersOf(app);
        triggers.keySet().forEach(name -> streams.put(name, TriggerCompiler.SCHEMA.renamed(name)));
        ExpressionCompiler expressions = new ExpressionCompiler(functions, tables);
        QueryCompiler windowDefinitions = new QueryCompiler(expressions, windows);
        Map<String, NamedWindowSpec> namedWindows = new LinkedHashMap<>();
        for (WindowDefinition definition : app.getWindowDefinitionMap().values()) {
            namedWindows.put(definition.getId(), windowDefinitions.namedWindow(definition));
        }
        Map<String, AggregationSpec> aggregations = new LinkedHashMap<>();
        List<QueryPlan> plans = new ArrayList<>();
        List<QueryPlan> all = new ArrayList<>();
        for (AggregationDefinition definition : app.getAggregationDefinitionMap().values()) {
            AggregationSpec aggregation = new AggregationCompiler(expressions).compile(definition, streams);
            aggregations.put(aggregation.name(), aggregation);
            QueryPlan plan = QueryPlan.ofAggregation(SourcePosition.of(definition).line(), aggregation);
            plans.add(plan);
            all.add(plan);
        }
        QueryCompiler queries = new QueryCompiler(expressions, windows, tables, aggregations, namedWindows, triggers);
        Map<QueryPlan, Query> sources = new LinkedHashMap<>();
        Map<PartitionPlan, Partition> partitionSources = new LinkedHashMap<>();
        List<PartitionPlan> partitions = new ArrayList<>();
        int index = 0;
        for (ExecutionElement element : app.getExecutionElementList()) {
            if (element instanceof Partition) {
                Partition partition = (Partition) element;
                PartitionPlan partitionPlan = new PartitionCompiler(expressions, queries)
                        .compile(partition, "partition" + (partitions.size() + 1), index, streams, all);
                index += partition.getQueryList().size();
                for (int i = 0; i < partitionPlan.queries().size(); i++) {
                    sources.put(partitionPlan.queries().get(i), partition.getQueryList().get(i));
                }
                partitions.add(partitionPlan);
                partitionSources.put(partitionPlan, partition);
                continue;
            }
            Query query = (Query) element;
            index++;
            QueryPlan plan = queries.compile(query, queryName(query, index), streams);
            if (all.stream().anyMatch(p -> p.name().equals(plan.name()))) {
                throw new CompileException(SourcePosition.of(query), "duplicate query name '" + plan.name() + "'");
            }
            plans.add(plan);
            all.add(plan);
            sources.put(plan, query);
            rejectCycle(plans, plan, query);
        }
        PartitionCompiler.checkBoundaries(partitionSources, plans, all, sources);
        rejectStreamedFaultsInPartitions(partitions, faults, sources);
        ConnectorCompiler connectors = ConnectorCompiler.compile(app.getStreamDefinitionMap().values());
        List<SourceSpec> connectorSources = ScanFilters.apply(app, streams, connectors.sources());
        return new AppPlan(appName(app), streams, plans, partitions, faults, connectorSources, connectors.sinks());
    }

    /** A stream's {@code @OnError} action; null without the annotation. */
    private static OnErrorAction onErrorAction(StreamDefinition definition) {
        Annotation onError = AnnotationHelper.getAnnotation("OnError", definition.getAnnotations());
        if (onError == null) {
            return null;
        }
        SourcePosition position = SourcePosition.firstOf(onError, definition);
        String action = onError.getElement("action");
        if (action == null) {
            throw new CompileException(position, "@OnError on stream '" + definition.getId()
                    + "' needs an action: 'LOG' or 'STREAM'");
        }
        switch (action.toUpperCase(java.util.Locale.ROOT)) {
            case "LOG": return OnErrorAction.LOG;
            case "STREAM": return OnErrorAction.STREAM;
            case "STORE": throw new CompileException(position, "@OnError(action='STORE') is not supported (there is "
                    + "no error store): use 'LOG' or 'STREAM'");
            default: throw new CompileException(position, "@OnError action '" + action + "' of stream '"
                    + definition.getId() + "' is not one of 'LOG', 'STREAM'");
        }
    }

    /** Siddhi's fault stream {@code !S}: the attributes of S, then the failure as {@code _error}. */
    private static StreamSchema faultSchemaOf(StreamSchema stream) {
        List<String> names = new ArrayList<>(stream.attributeNames());
        List<AttributeType> types = new ArrayList<>(stream.attributeTypes());
        names.add(StreamFaults.ERROR_ATTRIBUTE);
        types.add(AttributeType.OBJECT);
        return new StreamSchema(StreamFaults.faultStreamOf(stream.name()), names, types);
    }

    /**
     * A partition's queries run per key in their own operator, away from the stream's other readers and its fault
     * stream's readers; so a stream whose failures are streamed is not read inside a partition yet.
     */
    private static void rejectStreamedFaultsInPartitions(List<PartitionPlan> partitions, StreamFaults faults,
            Map<QueryPlan, Query> sources) {
        for (PartitionPlan partition : partitions) {
            for (QueryPlan query : partition.queries()) {
                for (String input : query.inputStreams()) {
                    if (faults.isStreamed(input)) {
                        throw new CompileException(SourcePosition.of(sources.get(query)), "stream '" + input
                                + "' has @OnError(action='STREAM'): reading it inside a partition is not supported yet");
                    }
                }
            }
        }
    }

    /**
     * Siddhi lets a query feed a stream that leads back to itself; the planner does not support such loops yet, so
     * reject the query that closes one, at its position, instead of looping at run time.
     */
    private static void rejectCycle(List<QueryPlan> plans, QueryPlan added, Query query) {
        List<String> reachable = new ArrayList<>(List.of(added.outputStream()));
        for (int i = 0; i < reachable.size(); i++) {
            String stream = reachable.get(i);
            if (added.inputStreams().contains(stream)) {
                throw new CompileException(SourcePosition.of(query), "query '" + added.name() + "' feeds stream '"
                        + added.outputStream() + "', which leads back to its input '" + stream
                        + "': cycles between queries are not supported yet");
            }
            for (QueryPlan plan : plans) {
                if (plan.inputStreams().contains(stream) && !reachable.contains(plan.outputStream())) {
                    reachable.add(plan.outputStream());
                }
            }
        }
    }

    static SiddhiApp parse(String appText) {
        try {
            return io.siddhi.query.compiler.SiddhiCompiler.parse(appText);
        } catch (SiddhiParserException e) {
            SourcePosition position = parserPosition(e);
            String reason = reason(e.getMessageWithOutContext());
            if (reason.startsWith("syntax error: ")) {
                reason = SyntaxHints.explain(appText, position).orElse(reason);
            }
            throw new CompileException(position, reason);
        } catch (RuntimeException e) {
            if (e instanceof SiddhiAppContextException) {
                SiddhiAppContextException context = (SiddhiAppContextException) e;
                int[] start = context.getQueryContextStartIndex();
                SourcePosition position = start == null ? SourcePosition.UNKNOWN
                        : new SourcePosition(start[0], start[1] + 1);
                throw new CompileException(position, reason(context.getMessageWithOutContext()));
            }
            throw e;
        }
    }

    /** Syntax errors carry the offending token's position as their end index; other errors as their start. */
    static SourcePosition parserPosition(SiddhiParserException e) {
        int[] start = e.getQueryContextStartIndex();
        int[] end = e.getQueryContextEndIndex();
        if (start != null && end != null && start[1] == 0 && end[0] == start[0]) {
            return new SourcePosition(end[0], end[1] + 1);
        }
        if (start != null) {
            return new SourcePosition(start[0], start[1] + 1);
        }
        return SourcePosition.UNKNOWN;
    }

    /** Siddhi's parser messages, in this compiler's voice where it words them differently. */
    static String reason(String message) {
        String text = message == null ? "invalid app" : message.trim();
        String prefix = "Syntax error in SiddhiQL, ";
        if (text.startsWith(prefix)) {
            text = "syntax error: " + text.substring(prefix.length());
        }
        Matcher duplicateStream = DUPLICATE_STREAM.matcher(text);
        if (duplicateStream.matches()) {
            text = "stream '" + duplicateStream.group(1) + "' is already defined as '" + duplicateStream.group(2)
                    + "', so it cannot be redefined as '" + duplicateStream.group(3) + "'";
        }
        Matcher duplicateTrigger = DUPLICATE_TRIGGER.matcher(text);
        if (duplicateTrigger.matches()) {
            text = "stream '" + duplicateTrigger.group(2) + "' is already defined as '" + duplicateTrigger.group(3)
                    + "', so trigger '" + duplicateTrigger.group(1) + "' cannot be defined";
        }
        Matcher duplicateQuery = DUPLICATE_QUERY.matcher(text);
        if (duplicateQuery.matches()) {
            text = "duplicate query name '" + duplicateQuery.group(1) + "'";
        }
        Matcher duplicateOutput = DUPLICATE_OUTPUT.matcher(text);
        if (duplicateOutput.matches()) {
            text = "duplicate output attribute '" + duplicateOutput.group(1) + "'";
        }
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static final Pattern DUPLICATE_STREAM = Pattern.compile(
            "Stream Definition with same Stream Id '(.*)' already exist ?: (.*), hence cannot add (.*)");
    private static final Pattern DUPLICATE_TRIGGER = Pattern.compile("Trigger '(.*)' cannot be defined as, Stream "
            + "Definition with same Stream Id '(.*)' already exist ?: (.*), hence cannot add .*");
    private static final Pattern DUPLICATE_QUERY = Pattern.compile(
            "Cannot add Query as another Execution Element already uses its name=(.*)");
    private static final Pattern DUPLICATE_OUTPUT = Pattern.compile("(.*) is already defined as an output attribute.*");

    private static void rejectUnsupportedDefinitions(SiddhiApp app) {
        reject(app.getFunctionDefinitionMap(), "script functions ('define function') are not supported yet");
    }

    /** The tables, with their primary keys checked against their attributes. */
    static Map<String, TableSpec> tablesOf(SiddhiApp app) {
        Map<String, TableSpec> tables = new LinkedHashMap<>();
        for (TableDefinition definition : app.getTableDefinitionMap().values()) {
            StreamSchema schema = schemaOf(definition);
            List<Integer> key = new ArrayList<>();
            Annotation primaryKey = AnnotationHelper.getAnnotation("PrimaryKey", definition.getAnnotations());
            if (primaryKey != null) {
                for (Element element : primaryKey.getElements()) {
                    int index = schema.indexOf(element.getValue());
                    if (index < 0) {
                        throw new CompileException(SourcePosition.firstOf(primaryKey, definition), "@primaryKey attribute '"
                                + element.getValue() + "' does not exist in table '" + definition.getId() + "'");
                    }
                    key.add(index);
                }
            }
            List<Integer> indexes = new ArrayList<>();
            for (Annotation index : AnnotationHelper.getAnnotations("Index", definition.getAnnotations())) {
                for (Element element : index.getElements()) {
                    int position = schema.indexOf(element.getValue());
                    if (position < 0) {
                        throw new CompileException(SourcePosition.firstOf(index, definition), "@index attribute '"
                                + element.getValue() + "' does not exist in table '" + definition.getId() + "'");
                    }
                    indexes.add(position);
                }
            }
            tables.put(definition.getId(), new TableSpec(schema, key.stream().mapToInt(Integer::intValue).toArray(),
                    indexes.stream().mapToInt(Integer::intValue).toArray()));
        }
        return tables;
    }

    private static void reject(Map<String, ? extends SiddhiElement> definitions, String reason) {
        for (SiddhiElement definition : definitions.values()) {
            throw unsupported(definition, reason);
        }
    }

    static CompileException unsupported(SiddhiElement element, String reason) {
        return new CompileException(SourcePosition.of(element), reason);
    }

    static StreamSchema schemaOf(AbstractDefinition definition) {
        List<String> names = new ArrayList<>();
        List<AttributeType> types = new ArrayList<>();
        for (Attribute attribute : definition.getAttributeList()) {
            names.add(attribute.getName());
            types.add(AttributeType.of(attribute.getType()));
        }
        return new StreamSchema(definition.getId(), names, types);
    }

    private static String appName(SiddhiApp app) {
        Element name = AnnotationHelper.getAnnotationElement("name", null, app.getAnnotations());
        return name == null ? "siddhi-app" : name.getValue();
    }

    static String queryName(Query query, int index) {
        Element name = AnnotationHelper.getAnnotationElement("info", "name", query.getAnnotations());
        return name == null ? "query" + index : name.getValue();
    }
}
