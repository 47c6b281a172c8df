package org.siddhiql.connectors.spi;

import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Function;

/** Looks up the {@link SourceProvider}s and {@link SinkProvider}s on the class path by connector type. */
public final class ConnectorProviders {
    private ConnectorProviders() {
    }

    /** The source provider of {@code type}, or null when no module on the class path provides it. */
    public static SourceProvider source(String type) {
        return find(SourceProvider.class, SourceProvider::type, type);
    }

    /** The sink provider of {@code type}, or null when no module on the class path provides it. */
    public static SinkProvider sink(String type) {
        return find(SinkProvider.class, SinkProvider::type, type);
    }

    private static <P> P find(Class<P> kind, Function<P, String> typeOf, String type) {
        String wanted = type.toLowerCase(Locale.ROOT);
        for (P provider : ServiceLoader.load(kind, ConnectorProviders.class.getClassLoader())) {
            if (typeOf.apply(provider).equals(wanted)) {
                return provider;
            }
        }
        return null;
    }
}
