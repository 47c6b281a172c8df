package org.siddhiql.connectors.map;

import java.util.Locale;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.connectors.MappingException;

/**
 * Attribute values from the pieces of records, with one rule for every mapper: a value must be of its attribute's
 * type, numbers converting only where no information is lost in kind (an integral number to int or long when in
 * range, any number to float or double), never text to a number or a number to text.
 */
public final class Values {
    private Values() {
    }

    /**
     * An attribute's value from text, such as a CSV field or a regular expression's group: numbers in Java's
     * syntax, bools {@code true} or {@code false} in any case, strings as they are.
     */
    public static Object parse(String text, AttributeType type, String attribute) throws MappingException {
        try {
            switch (type) {
                case STRING:
                    return text;
                case INT:
                    return Integer.parseInt(text.trim());
                case LONG:
                    return Long.parseLong(text.trim());
                case FLOAT:
                    return Float.parseFloat(text.trim());
                case DOUBLE:
                    return Double.parseDouble(text.trim());
                case BOOL:
                    if (text.trim().equalsIgnoreCase("true") || text.trim().equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(text.trim());
                    }
                    break;
                default:
                    throw unreadable(type, attribute);
            }
        } catch (NumberFormatException e) {
            // reported below, like any other value of the wrong type
        }
        throw new MappingException("attribute '" + attribute + "' is " + name(type) + " but the record has '"
                + text + "'");
    }

    /** An attribute's value from a Java object, such as a key-value map's value or a pass-through event's. */
    public static Object convert(Object value, AttributeType type, String attribute) throws MappingException {
        if (value == null) {
            return null;
        }
        switch (type) {
            case STRING:
                if (value instanceof String) {
                    return value;
                }
                break;
            case INT:
                if (isIntegral(value) && ((Number) value).longValue() == ((Number) value).intValue()) {
                    return ((Number) value).intValue();
                }
                break;
            case LONG:
                if (isIntegral(value)) {
                    return ((Number) value).longValue();
                }
                break;
            case FLOAT:
                if (value instanceof Number) {
                    return ((Number) value).floatValue();
                }
                break;
            case DOUBLE:
                if (value instanceof Number) {
                    return ((Number) value).doubleValue();
                }
                break;
            case BOOL:
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            default:
                return value;
        }
        throw new MappingException("attribute '" + attribute + "' is " + name(type) + " but the record has "
                + (value instanceof String
                        ? "'" + value + "'"
                        : value + " (" + value.getClass().getSimpleName() + ")"));
    }

    public static MappingException unreadable(AttributeType type, String attribute) {
        return new MappingException("attribute '" + attribute + "' of type " + name(type)
                + " cannot be read from a record");
    }

    public static String name(AttributeType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }
}
