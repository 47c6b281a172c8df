package org.siddhiql.compiler.function;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.siddhiql.compiler.expression.ConstantEvaluator;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.Row;
import org.siddhiql.compiler.schema.AttributeType;

/**
 * Siddhi 5.1's built-in scalar functions, with its argument rules and runtime behaviour. Every argument is evaluated
 * before the function applies (so aggregators inside arguments always see the event), except for ifThenElse, which
 * evaluates only the branch it takes. Bool results are made null-safe by the expression compiler, not here.
 */
final class BuiltInFunctions {
    private BuiltInFunctions() {
    }

    static void registerAll(FunctionRegistry registry) {
        registry.registerFunction("", "cast", BuiltInFunctions::cast);
        registry.registerFunction("", "convert", BuiltInFunctions::convert);
        registry.registerFunction("", "coalesce", BuiltInFunctions::coalesce);
        registry.registerFunction("", "default", BuiltInFunctions::defaultValue);
        registry.registerFunction("", "ifThenElse", BuiltInFunctions::ifThenElse);
        registry.registerFunction("", "instanceOfBoolean",
                args -> instanceOf("instanceOfBoolean", args, Boolean.class));
        registry.registerFunction("", "instanceOfDouble",
                args -> instanceOf("instanceOfDouble", args, Double.class));
        registry.registerFunction("", "instanceOfFloat",
                args -> instanceOf("instanceOfFloat", args, Float.class));
        registry.registerFunction("", "instanceOfInteger",
                args -> instanceOf("instanceOfInteger", args, Integer.class));
        registry.registerFunction("", "instanceOfLong",
                args -> instanceOf("instanceOfLong", args, Long.class));
        registry.registerFunction("", "instanceOfString",
                args -> instanceOf("instanceOfString", args, String.class));
        registry.registerFunction("", "maximum", args -> extreme("maximum", args, true));
        registry.registerFunction("", "minimum", args -> extreme("minimum", args, false));
        registry.registerFunction("", "eventTimestamp", BuiltInFunctions::eventTimestamp);
        registry.registerFunction("", "createSet", BuiltInFunctions::createSet);
        registry.registerFunction("", "sizeOfSet", BuiltInFunctions::sizeOfSet);
        registry.registerFunction("", "UUID", BuiltInFunctions::uuid);
        registry.registerFunction("", "currentTimeMillis", BuiltInFunctions::currentTimeMillis);
    }

    // ---------------------------------------------------------------------------------------------- argument checks

    static void expectCount(String function, List<Evaluator> args, int count) {
        if (args.size() != count) {
            throw new IllegalArgumentException("function '" + function + "' expects " + count
                    + (count == 1 ? " argument" : " arguments") + ", got " + args.size());
        }
    }

    static void expectAtLeastOne(String function, List<Evaluator> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("function '" + function + "' expects at least one argument, got none");
        }
    }

    static void expectOneType(String function, List<Evaluator> args) {
        AttributeType first = args.get(0).type();
        for (Evaluator arg : args) {
            if (arg.type() != first) {
                throw new IllegalArgumentException("function '" + function + "' expects arguments of one type, got "
                        + first.siddhiName() + " and " + arg.type().siddhiName());
            }
        }
    }

    private static String constantString(String function, Evaluator arg, String what) {
        if (arg.type() != AttributeType.STRING) {
            throw new IllegalArgumentException("function '" + function + "' expects " + what + " as a string, got "
                    + arg.type().siddhiName());
        }
        if (!(arg instanceof ConstantEvaluator)) {
            throw new IllegalArgumentException("function '" + function + "' expects " + what
                    + " as a string constant such as 'int', got an expression");
        }
        return ((String) ((ConstantEvaluator) arg).value()).toLowerCase(Locale.ROOT);
    }

    private static AttributeType primitiveType(String name) {
        switch (name) {
            case "int": return AttributeType.INT;
            case "long": return AttributeType.LONG;
            case "float": return AttributeType.FLOAT;
            case "double": return AttributeType.DOUBLE;
            case "bool": return AttributeType.BOOL;
            case "string": return AttributeType.STRING;
            default: return null;
        }
    }

    /** Base of the evaluators here: a result type and the compiled arguments. */
    abstract static class Call implements Evaluator {
        private static final long serialVersionUID = 1L;

        final AttributeType type;

        Call(AttributeType type) {
            this.type = type;
        }

        @Override
        public final AttributeType type() {
            return type;
        }
    }

    // ------------------------------------------------------------------------------------------------------- cast

    /**
     * cast(value, 'type'): tells the compiler the type of a value, typically of an object attribute. Siddhi passes
     * the value through unchanged (an int becomes a long); we also convert between number classes so that the value
     * always has the class of its type, and fail with a ClassCastException when it is not of the type at all.
     */
    static Evaluator cast(List<Evaluator> args) {
        expectCount("cast", args, 2);
        String name = constantString("cast", args.get(1), "the target type");
        AttributeType target = primitiveType(name);
        if (target == null) {
            throw new IllegalArgumentException("function 'cast' cannot cast to '" + name
                    + "': the type must be one of int, long, float, double, bool, string");
        }
        return new Cast(args.get(0), target);
    }

    static final class Cast extends Call {
        private static final long serialVersionUID = 1L;

        private final Evaluator value;

        Cast(Evaluator value, AttributeType target) {
            super(target);
            this.value = value;
        }

        @Override
        public Object evaluate(Row row) {
            Object v = value.evaluate(row);
            if (v == null || type.javaClass().isInstance(v)) {
                return v;
            }
            if (v instanceof Number) {
                Number n = (Number) v;
                switch (type) {
                    case INT: return n.intValue();
                    case LONG: return n.longValue();
                    case FLOAT: return n.floatValue();
                    case DOUBLE: return n.doubleValue();
                    default: break;
                }
            }
            throw new ClassCastException("cast(): cannot cast " + v.getClass().getName() + " value '" + v + "' to "
                    + type.siddhiName());
        }
    }

    // ---------------------------------------------------------------------------------------------------- convert

    /** convert(value, 'type'): Siddhi's conversions; an unparsable string gives null. */
    static Evaluator convert(List<Evaluator> args) {
        expectCount("convert", args, 2);
        AttributeType input = args.get(0).type();
        String name = constantString("convert", args.get(1), "the target type");
        AttributeType target = primitiveType(name);
        if (target == null) {
            throw new IllegalArgumentException("function 'convert' cannot convert to '" + name
                    + "': the type must be one of int, long, float, double, bool, string");
        }
        if (input == AttributeType.OBJECT && target != AttributeType.STRING) {
            throw new IllegalArgumentException("function 'convert' can convert an object only to string, not to "
                    + target.siddhiName());
        }
        return new Convert(args.get(0), target, Conversion.of(input, target));
    }

    static final class Convert extends Call {
        private static final long serialVersionUID = 1L;

        private final Evaluator value;
        private final Conversion conversion;

        Convert(Evaluator value, AttributeType target, Conversion conversion) {
            super(target);
            this.value = value;
            this.conversion = conversion;
        }

        @Override
        public Object evaluate(Row row) {
            Object v = value.evaluate(row);
            if (v == null) {
                return null;
            }
            try {
                return conversion.apply(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** One conversion per input and target type, chosen at compile time. */
    enum Conversion {
        IDENTITY { Object apply(Object v) { return v; } },
        TO_STRING { Object apply(Object v) { return v.toString(); } },
        OBJECT_TO_STRING {
            Object apply(Object v) {
                if (v instanceof Throwable) {
                    Throwable t = (Throwable) v;
                    return "message : " + t.getMessage() + "\n cause :" + t.getCause();
                }
                if (v instanceof Object[]) {
                    return Arrays.deepToString((Object[]) v);
                }
                return v.toString();
            }
        },
        STRING_TO_INT { Object apply(Object v) { return Integer.parseInt((String) v); } },
        STRING_TO_LONG { Object apply(Object v) { return Long.parseLong((String) v); } },
        STRING_TO_FLOAT { Object apply(Object v) { return Float.parseFloat((String) v); } },
        STRING_TO_DOUBLE { Object apply(Object v) { return Double.parseDouble((String) v); } },
        STRING_TO_BOOL { Object apply(Object v) { return Boolean.parseBoolean((String) v); } },
        NUMBER_TO_INT { Object apply(Object v) { return ((Number) v).intValue(); } },
        NUMBER_TO_LONG { Object apply(Object v) { return ((Number) v).longValue(); } },
        NUMBER_TO_FLOAT { Object apply(Object v) { return ((Number) v).floatValue(); } },
        NUMBER_TO_DOUBLE { Object apply(Object v) { return ((Number) v).doubleValue(); } },
        INT_TO_BOOL { Object apply(Object v) { return (Integer) v == 1; } },
        LONG_TO_BOOL { Object apply(Object v) { return (Long) v == 1L; } },
        FLOAT_TO_BOOL { Object apply(Object v) { return (Float) v == 1F; } },
        DOUBLE_TO_BOOL { Object apply(Object v) { return (Double) v == 1.0; } },
        BOOL_TO_INT { Object apply(Object v) { return (Boolean) v ? 1 : 0; } },
        BOOL_TO_LONG { Object apply(Object v) { return (Boolean) v ? 1L : 0L; } },
        BOOL_TO_FLOAT { Object apply(Object v) { return (Boolean) v ? 1F : 0F; } },
        BOOL_TO_DOUBLE { Object apply(Object v) { return (Boolean) v ? 1.0 : 0.0; } };

        abstract Object apply(Object v);

        static Conversion of(AttributeType input, AttributeType target) {
            if (input == target) {
                return IDENTITY;
            }
            if (target == AttributeType.STRING) {
                return input == AttributeType.OBJECT ? OBJECT_TO_STRING : TO_STRING;
            }
            switch (input) {
                case STRING:
                    switch (target) {
                        case INT: return STRING_TO_INT;
                        case LONG: return STRING_TO_LONG;
                        case FLOAT: return STRING_TO_FLOAT;
                        case DOUBLE: return STRING_TO_DOUBLE;
                        default: return STRING_TO_BOOL;
                    }
                case BOOL:
                    switch (target) {
                        case INT: return BOOL_TO_INT;
                        case LONG: return BOOL_TO_LONG;
                        case FLOAT: return BOOL_TO_FLOAT;
                        default: return BOOL_TO_DOUBLE;
                    }
                default:
                    switch (target) {
                        case INT: return NUMBER_TO_INT;
                        case LONG: return NUMBER_TO_LONG;
                        case FLOAT: return NUMBER_TO_FLOAT;
                        case DOUBLE: return NUMBER_TO_DOUBLE;
                        default:
                            switch (input) {
                                case INT: return INT_TO_BOOL;
                                case LONG: return LONG_TO_BOOL;
                                case FLOAT: return FLOAT_TO_BOOL;
                                default: return DOUBLE_TO_BOOL;
                            }
                    }
            }
        }
    }

    // --------------------------------------------------------------------------------------- coalesce and default

    static Evaluator coalesce(List<Evaluator> args) {
        expectAtLeastOne("coalesce", args);
        expectOneType("coalesce", args);
        return new Coalesce(args.toArray(new Evaluator[0]));
    }

    static final class Coalesce extends Call {
        private static final long serialVersionUID = 1L;

        private final Evaluator[] args;

        Coalesce(Evaluator[] args) {
            super(args[0].type());
            this.args = args;
        }

        @Override
        public Object evaluate(Row row) {
            Object result = null;
            for (Evaluator arg : args) {
                Object v = arg.evaluate(row);
                if (result == null) {
                    result = v;
                }
            }
            return result;
        }
    }

    static Evaluator defaultValue(List<Evaluator> args) {
        expectCount("default", args, 2);
        if (!(args.get(1) instanceof ConstantEvaluator)) {
            throw new IllegalArgumentException(
                    "function 'default' expects a constant as its second argument, got an expression");
        }
        expectOneType("default", args);
        return new Default(args.get(0), args.get(1));
    }

    static final class Default extends Call {
        private static final long serialVersionUID = 1L;

        private final Evaluator value;
        private final Evaluator fallback;

        Default(Evaluator value, Evaluator fallback) {
            super(value.type());
            this.value = value;
            this.fallback = fallback;
        }

        @Override
        public Object evaluate(Row row) {
            Object v = value.evaluate(row);
            Object f = fallback.evaluate(row);
            return v == null ? f : v;
        }
    }

    // -------------------------------------------------------------------------------------------------- ifThenElse

    static Evaluator ifThenElse(List<Evaluator> args) {
        expectCount("ifThenElse", args, 3);
        if (args.get(0).type() != AttributeType.BOOL) {
            throw new IllegalArgumentException("function 'ifThenElse' expects a bool condition, got "
                    + args.get(0).type().siddhiName());
        }
        if (args.get(1).type() != args.get(2).type()) {
            throw new IllegalArgumentException("function 'ifThenElse' expects then and else values of one type, got "
                    + args.get(1).type().siddhiName() + " and " + args.get(2).type().siddhiName());
        }
        return new IfThenElse(args.get(0), args.get(1), args.get(2));
    }

    /** Evaluates only the branch it takes; a null condition takes the else branch. */
    static final class IfThenElse extends Call {
        private static final long serialVersionUID = 1L;

        private final Evaluator condition;
        private final Evaluator then;
        private final Evaluator otherwise;

        IfThenElse(Evaluator condition, Evaluator then, Evaluator otherwise) {
            super(then.type());
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        public Object evaluate(Row row) {
            return Boolean.TRUE.equals(condition.evaluate(row)) ? then.evaluate(row) : otherwise.evaluate(row);
        }
    }

    // -------------------------------------------------------------------------------------------------- instanceOf

    static Evaluator instanceOf(String function, List<Evaluator> args, Class<?> javaClass) {
        expectCount(function, args, 1);
        return new InstanceOf(args.get(0), javaClass);
    }

    static final class InstanceOf extends Call {
        private static final long serialVersionUID = 1L;

        private final Evaluator value;
        private final Class<?> javaClass;

        InstanceOf(Evaluator value, Class<?> javaClass) {
            super(AttributeType.BOOL);
            this.value = value;
            this.javaClass = javaClass;
        }

        @Override
        public Object evaluate(Row row) {
            return javaClass.isInstance(value.evaluate(row));
        }
    }

    // -------------------------------------------------------------------------------------------- maximum, minimum

    /**
     * maximum(...) and minimum(...): arguments of one numeric type. One argument is returned as it is. With more,
     * Siddhi compares in double precision starting from Double.MIN_VALUE (the smallest positive double, not the most
     * negative one) for maximum and Double.MAX_VALUE for minimum, reads a null argument as that start value, and
     * narrows the result to the argument type: so maximum(-5, -3) is 0 for ints, and longs beyond 2^53 lose precision.
     */
    static Evaluator extreme(String function, List<Evaluator> args, boolean maximum) {
        expectAtLeastOne(function, args);
        for (Evaluator arg : args) {
            if (!arg.type().isNumeric()) {
                throw new IllegalArgumentException("function '" + function
                        + "' expects int, long, float or double arguments, got " + arg.type().siddhiName());
            }
        }
        expectOneType(function, args);
        if (args.size() == 1) {
            return new Identity(args.get(0));
        }
        Evaluator[] array = args.toArray(new Evaluator[0]);
        return new Extreme(args.get(0).type(), array, maximum);
    }

    /** A one-argument call that returns its argument: not a constant even when the argument is one. */
    static final class Identity extends Call {
        private static final long serialVersionUID = 1L;

        private final Evaluator value;

        Identity(Evaluator value) {
            super(value.type());
            this.value = value;
        }

        @Override
        public Object evaluate(Row row) {
            return value.evaluate(row);
        }
    }

    /** maximum/minimum: Siddhi compares through double whatever the type, and narrows the result back. */
    static final class Extreme extends Call {
        private static final long serialVersionUID = 1L;

        private final Evaluator[] args;
        private final boolean maximum;

        Extreme(AttributeType type, Evaluator[] args, boolean maximum) {
            super(type);
            this.args = args;
            this.maximum = maximum;
        }

        @Override
        public Object evaluate(Row row) {
            double start = maximum ? Double.MIN_VALUE : Double.MAX_VALUE;
            double result = start;
            for (Evaluator arg : args) {
                Object v = arg.evaluate(row);
                double d = v == null ? start : ((Number) v).doubleValue();
                if (maximum ? d > result : d < result) {
                    result = d;
                }
            }
            switch (type) {
                case INT: return (int) result;
                case LONG: return (long) result;
                case FLOAT: return (float) result;
                default: return result;
            }
        }
    }

    // ----------------------------------------------------------------------------------- time and identity values

    static Evaluator eventTimestamp(List<Evaluator> args) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("eventTimestamp() of a pattern event is not supported yet");
        }
        return new EventTimestamp();
    }

    /** The timestamp of the event being processed. */
    static final class EventTimestamp extends Call {
        private static final long serialVersionUID = 1L;

        EventTimestamp() {
            super(AttributeType.LONG);
        }

        @Override
        public Object evaluate(Row row) {
            return row.timestamp();
        }
    }

    static Evaluator currentTimeMillis(List<Evaluator> args) {
        expectCount("currentTimeMillis", args, 0);
        return new CurrentTimeMillis();
    }

    /** The wall-clock time of evaluation. */
    static final class CurrentTimeMillis extends Call {
        private static final long serialVersionUID = 1L;

        CurrentTimeMillis() {
            super(AttributeType.LONG);
        }

        @Override
        public Object evaluate(Row row) {
            return System.currentTimeMillis();
        }
    }

    static Evaluator uuid(List<Evaluator> args) {
        expectCount("UUID", args, 0);
        return new RandomUuid();
    }

    static final class RandomUuid extends Call {
        private static final long serialVersionUID = 1L;

        RandomUuid() {
            super(AttributeType.STRING);
        }

        @Override
        public Object evaluate(Row row) {
            return UUID.randomUUID().toString();
        }
    }

    // --------------------------------------------------------------------------------------------------------- sets

    static Evaluator createSet(List<Evaluator> args) {
        expectCount("createSet", args, 1);
        if (args.get(0).type() == AttributeType.OBJECT) {
            throw new IllegalArgumentException(
                    "function 'createSet' expects an int, long, float, double, string or bool argument, got object");
        }
        return new CreateSet(args.get(0));
    }

    /** A new mutable set holding the value (null included). */
    static final class CreateSet extends Call {
        private static final long serialVersionUID = 1L;

        private final Evaluator value;

        CreateSet(Evaluator value) {
            super(AttributeType.OBJECT);
            this.value = value;
        }

        @Override
        public Object evaluate(Row row) {
            Set<Object> set = new HashSet<>();
            set.add(value.evaluate(row));
            return set;
        }
    }

    static Evaluator sizeOfSet(List<Evaluator> args) {
        expectCount("sizeOfSet", args, 1);
        if (args.get(0).type() != AttributeType.OBJECT) {
            throw new IllegalArgumentException("function 'sizeOfSet' expects an object (a set) argument, got "
                    + args.get(0).type().siddhiName());
        }
        return new SizeOfSet(args.get(0));
    }

    /** The size of a set; 0 for null. */
    static final class SizeOfSet extends Call {
        private static final long serialVersionUID = 1L;

        private final Evaluator value;

        SizeOfSet(Evaluator value) {
            super(AttributeType.INT);
            this.value = value;
        }

        @Override
        public Object evaluate(Row row) {
            Object v = value.evaluate(row);
            if (v == null) {
                return 0;
            }
            if (!(v instanceof Set)) {
                throw new IllegalArgumentException("sizeOfSet() expects a java.util.Set, got "
                        + v.getClass().getName());
            }
            return ((Set<?>) v).size();
        }
    }
}
