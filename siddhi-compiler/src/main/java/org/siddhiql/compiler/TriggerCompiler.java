package org.siddhiql.compiler;

import io.siddhi.query.api.SiddhiApp;
import io.siddhi.query.api.definition.TriggerDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.trigger.TriggerSpec;
import org.siddhiql.runtime.window.CronSchedule;

/** Checks the app's trigger definitions, as siddhi-core does when it starts them, and plans each one. */
final class TriggerCompiler {
    /** Every trigger's stream: one attribute, the time of the firing. */
    static final StreamSchema SCHEMA = new StreamSchema("trigger", List.of("triggered_time"),
            List.of(AttributeType.LONG));

    private TriggerCompiler() {
    }

    /**
     * The triggers by name, in the order siddhi-core starts them: it puts them, in the order of the parser's (hash)
     * map, into a {@link ConcurrentHashMap} and starts them in its iteration order, which decides, for example, which
     * of two start triggers fires first. The same two maps give the same order here.
     */
    static Map<String, TriggerSpec> triggersOf(SiddhiApp app) {
        Map<String, TriggerSpec> siddhiOrder = new ConcurrentHashMap<>();
        for (TriggerDefinition definition : app.getTriggerDefinitionMap().values()) {
            siddhiOrder.putIfAbsent(definition.getId(), compile(definition));
        }
        Map<String, TriggerSpec> triggers = new LinkedHashMap<>();
        for (TriggerSpec trigger : siddhiOrder.values()) {
            triggers.put(trigger.name(), trigger.startingAs(triggers.size()));
        }
        return triggers;
    }

    private static TriggerSpec compile(TriggerDefinition definition) {
        String name = definition.getId();
        if (definition.getAtEvery() != null) {
            if (definition.getAtEvery() <= 0) {
                throw new CompileException(SourcePosition.of(definition), "trigger '" + name
                        + "' must fire at a positive interval, got " + definition.getAtEvery() + " ms");
            }
            return TriggerSpec.every(name, definition.getAtEvery());
        }
        String at = definition.getAt();
        if (at.trim().equalsIgnoreCase("start")) {
            return TriggerSpec.atStart(name);
        }
        try {
            return TriggerSpec.cron(name, CronSchedule.parse(at));
        } catch (IllegalArgumentException e) {
            throw new CompileException(SourcePosition.of(definition), "trigger '" + name + "' must fire at 'start', "
                    + "at every <time> or at a cron expression, but " + e.getMessage());
        }
    }
}
