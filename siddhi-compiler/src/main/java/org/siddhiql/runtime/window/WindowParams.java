package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.Variable;
import io.siddhi.query.api.expression.constant.BoolConstant;
import io.siddhi.query.api.expression.constant.Constant;
import io.siddhi.query.api.expression.constant.DoubleConstant;
import io.siddhi.query.api.expression.constant.FloatConstant;
import io.siddhi.query.api.expression.constant.IntConstant;
import io.siddhi.query.api.expression.constant.LongConstant;
import io.siddhi.query.api.expression.constant.StringConstant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.siddhiql.compiler.schema.AttributeType;

/**
 * The parameter rules of a built-in window, checked the way Siddhi checks an extension's declared overloads: an
 * overload is chosen by parameter count and types, then every non-dynamic parameter of it must be a constant. Windows
 * add their own checks (attribute vs expression, value ranges) after this.
 */
final class WindowParams {
    /** Marks a repeatable tail in an overload: the parameter before it may repeat. */
    static final String REPEAT = "...";

    private final String window;
    private final Map<String, Param> params = new LinkedHashMap<>();
    private final List<String[]> overloads = new ArrayList<>();
    private String usage;

    private WindowParams(String window) {
        this.window = window;
    }

    static WindowParams of(String window) {
        return new WindowParams(window);
    }

    /** A parameter that must be a constant of one of the types. */
    WindowParams constant(String name, AttributeType... types) {
        params.put(name, new Param(name, types, false));
        return this;
    }

    /** A parameter that may be an attribute or an expression. */
    WindowParams dynamic(String name, AttributeType... types) {
        params.put(name, new Param(name, types, true));
        return this;
    }

    WindowParams overload(String... names) {
        overloads.add(names);
        return this;
    }

    /** How the parameters read in messages, e.g. {@code (window.length int, stream.current.event bool)}. */
    WindowParams usage(String usage) {
        this.usage = usage;
        return this;
    }

    String window() {
        return window;
    }

    /** Checks count, types and constness; returns the type of each argument. */
    List<AttributeType> validate(List<Expression> args, WindowCompileContext context) {
        List<AttributeType> types = new ArrayList<>(args.size());
        for (Expression arg : args) {
            types.add(typeOf(arg, context));
        }
        List<String[]> byCount = new ArrayList<>();
        for (String[] overload : overloads) {
            if (accepts(overload, args.size())) {
                byCount.add(overload);
            }
        }
        if (byCount.isEmpty()) {
            throw new IllegalArgumentException("window '" + window + "' expects " + countText() + " " + usage
                    + ", got " + args.size());
        }
        List<String[]> candidates = byCount;
        for (int i = 0; i < args.size(); i++) {
            List<String[]> next = new ArrayList<>();
            Set<AttributeType> accepted = EnumSet.noneOf(AttributeType.class);
            Set<String> names = new LinkedHashSet<>();
            for (String[] overload : candidates) {
                Param p = params.get(nameAt(overload, i));
                names.add(p.name);
                accepted.addAll(List.of(p.types));
                if (List.of(p.types).contains(types.get(i))) {
                    next.add(overload);
                }
            }
            if (next.isEmpty()) {
                throw new IllegalArgumentException("window '" + window + "' parameter " + (i + 1) + " (" + String.join(" or ", names)
                        + ") must be " + typesText(accepted) + ", got " + types.get(i).siddhiName());
            }
            candidates = next;
        }
        String[] chosen = candidates.get(0);
        for (int i = 0; i < args.size() && i < chosen.length; i++) {
            Param p = params.get(chosen[i]);
            if (p != null && !p.dynamic && !(args.get(i) instanceof Constant)) {
                throw new IllegalArgumentException("window '" + window + "' parameter " + (i + 1) + " (" + p.name
                        + ") must be a constant, not " + (args.get(i) instanceof Variable ? "an attribute"
                        : "an expression"));
            }
        }
        return types;
    }

    private static boolean accepts(String[] overload, int count) {
        if (overload.length > 0 && REPEAT.equals(overload[overload.length - 1])) {
            return count >= overload.length - 1 && count > 0;
        }
        return overload.length == count;
    }

    private static String nameAt(String[] overload, int i) {
        boolean repeating = overload.length > 0 && REPEAT.equals(overload[overload.length - 1]);
        if (repeating && i >= overload.length - 1) {
            return overload[overload.length - 2];
        }
        return overload[i];
    }

    private String countText() {
        int min = Integer.MAX_VALUE;
        int max = 0;
        boolean open = false;
        for (String[] overload : overloads) {
            boolean repeating = overload.length > 0 && REPEAT.equals(overload[overload.length - 1]);
            int n = repeating ? overload.length - 1 : overload.length;
            min = Math.min(min, n);
            max = Math.max(max, n);
            open |= repeating;
        }
        if (open) {
            return "at least " + min + " parameter" + (min == 1 ? "" : "s");
        }
        if (min == max) {
            return min + " parameter" + (min == 1 ? "" : "s");
        }
        return min + (max == min + 1 ? " or " : " to ") + max + " parameters";
    }

    private static String typesText(Set<AttributeType> types) {
        List<String> names = new ArrayList<>();
        for (AttributeType t : types) {
            names.add(t.siddhiName());
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    static AttributeType typeOf(Expression arg, WindowCompileContext context) {
        if (arg instanceof IntConstant) {
            return AttributeType.INT;
        } else if (arg instanceof LongConstant) {
            return AttributeType.LONG;
        } else if (arg instanceof DoubleConstant) {
            return AttributeType.DOUBLE;
        } else if (arg instanceof FloatConstant) {
            return AttributeType.FLOAT;
        } else if (arg instanceof BoolConstant) {
            return AttributeType.BOOL;
        } else if (arg instanceof StringConstant) {
            return AttributeType.STRING;
        }
        return context.compile(arg).type();
    }

    // ---- reading constants (types were checked by validate) ----

    static long longValue(Expression constant) {
        if (constant instanceof IntConstant) {
            return ((IntConstant) constant).getValue();
        }
        return ((LongConstant) constant).getValue();
    }

    static int intValue(Expression constant) {
        return ((IntConstant) constant).getValue();
    }

    static boolean boolValue(Expression constant) {
        return ((BoolConstant) constant).getValue();
    }

    static String stringValue(Expression constant) {
        return ((StringConstant) constant).getValue();
    }

    static double doubleValue(Expression constant) {
        return ((DoubleConstant) constant).getValue();
    }

    /** The attribute position a plain attribute reference points at, or -1 when the argument is not one. */
    static int attributeIndex(Expression arg, WindowCompileContext context) {
        if (!(arg instanceof Variable)) {
            return -1;
        }
        Variable v = (Variable) arg;
        if (v.getStreamIndex() != null || v.getFunctionId() != null
                || (v.getStreamId() != null && !v.getStreamId().equals(context.input().name()))) {
            return -1;
        }
        return context.input().indexOf(v.getAttributeName());
    }

    // ---- describe ----

    static String describe(String name, List<Expression> args) {
        StringJoiner j = new StringJoiner(", ", name + "(", ")");
        for (Expression arg : args) {
            j.add(render(arg));
        }
        return j.toString();
    }

    private static String render(Expression e) {
        if (e instanceof StringConstant) {
            return "'" + ((StringConstant) e).getValue() + "'";
        } else if (e instanceof LongConstant) {
            return ((LongConstant) e).getValue() + "L";
        } else if (e instanceof FloatConstant) {
            return ((FloatConstant) e).getValue() + "f";
        } else if (e instanceof Constant) {
            return String.valueOf(constantValue(e));
        } else if (e instanceof Variable) {
            Variable v = (Variable) e;
            return (v.getStreamId() == null ? "" : v.getStreamId() + ".") + v.getAttributeName();
        }
        return "<expression>";
    }

    private static Object constantValue(Expression e) {
        if (e instanceof IntConstant) {
            return ((IntConstant) e).getValue();
        } else if (e instanceof DoubleConstant) {
            return ((DoubleConstant) e).getValue();
        } else if (e instanceof BoolConstant) {
            return ((BoolConstant) e).getValue();
        }
        return e;
    }

    private static final class Param {
        final String name;
        final AttributeType[] types;
        final boolean dynamic;

        Param(String name, AttributeType[] types, boolean dynamic) {
            this.name = name;
            this.types = types;
            this.dynamic = dynamic;
        }
    }
}
