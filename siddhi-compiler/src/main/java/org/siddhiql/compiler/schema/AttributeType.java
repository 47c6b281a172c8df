package org.siddhiql.compiler.schema;

import io.siddhi.query.api.definition.Attribute;

/** The value types of SiddhiQL attributes, with the Java class that carries each at runtime. */
public enum AttributeType {
    STRING(String.class),
    INT(Integer.class),
    LONG(Long.class),
    FLOAT(Float.class),
    DOUBLE(Double.class),
    BOOL(Boolean.class),
    /** Opaque values (sets built by createSet/unionSet, user objects). */
    OBJECT(Object.class);

    private final Class<?> javaClass;

    AttributeType(Class<?> javaClass) {
        this.javaClass = javaClass;
    }

    public Class<?> javaClass() {
        return javaClass;
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }

    /** Siddhi's numeric promotion order: int &lt; long &lt; float &lt; double. */
    public static AttributeType widerNumeric(AttributeType a, AttributeType b) {
        if (a == DOUBLE || b == DOUBLE) {
            return DOUBLE;
        }
        if (a == FLOAT || b == FLOAT) {
            return FLOAT;
        }
        if (a == LONG || b == LONG) {
            return LONG;
        }
        return INT;
    }

    public static AttributeType of(Attribute.Type type) {
        switch (type) {
            case STRING: return STRING;
            case INT: return INT;
            case LONG: return LONG;
            case FLOAT: return FLOAT;
            case DOUBLE: return DOUBLE;
            case BOOL: return BOOL;
            default: return OBJECT;
        }
    }

    /** The SiddhiQL spelling, as used in definitions and error messages. */
    public String siddhiName() {
        return this == BOOL ? "bool" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
