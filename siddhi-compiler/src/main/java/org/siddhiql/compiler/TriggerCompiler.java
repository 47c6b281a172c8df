package org.siddhiql.compiler;

import io.siddhi.query.api.SiddhiApp;
import io.siddhi.query.api.definition.TriggerDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The triggers by name, in the parser's order (its map of them is unordered). */
    static Map<String, TriggerSpec> triggersOf(SiddhiApp app) {
        Map<String, TriggerSpec> triggers = new LinkedHashMap<>();
        for (TriggerDefinition definition : app.getTriggerDefinitionMap().values()) {
            triggers.put(definition.getId(), compile(definition));
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
