package org.siddhiql.compiler.schema;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** An immutable stream definition: a name and its typed attributes in definition order. */
public final class StreamSchema implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> names;
    private final List<AttributeType> types;

    public StreamSchema(String name, List<String> names, List<AttributeType> types) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException("names and types differ in length");
        }
        this.name = Objects.requireNonNull(name);
        this.names = Collections.unmodifiableList(new ArrayList<>(names));
        this.types = Collections.unmodifiableList(new ArrayList<>(types));
    }

    public String name() {
        return name;
    }

    public int size() {
        return names.size();
    }

    public List<String> attributeNames() {
        return names;
    }

    public List<AttributeType> attributeTypes() {
        return types;
    }

    public String attributeName(int index) {
        return names.get(index);
    }

    public AttributeType attributeType(int index) {
        return types.get(index);
    }

    /** The position of an attribute, or -1. */
    public int indexOf(String attribute) {
        return names.indexOf(attribute);
    }

    public AttributeType[] typeArray() {
        return types.toArray(new AttributeType[0]);
    }

    /** Same attribute names and types, whatever the stream's name. */
    public boolean sameShape(StreamSchema other) {
        return names.equals(other.names) && types.equals(other.types);
    }

    public StreamSchema renamed(String newName) {
        return new StreamSchema(newName, names, types);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StreamSchema && name.equals(((StreamSchema) o).name) && sameShape((StreamSchema) o);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, names, types);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(name).append(" (");
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(types.get(i).siddhiName());
        }
        return b.append(')').toString();
    }
}
