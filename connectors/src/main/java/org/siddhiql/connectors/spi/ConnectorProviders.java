package org.siddhiql.connectors.spi;

import java.util.Locale;
import java.util.ServiceLoader;

/** Looks up the {@link SourceProvider}s and {@link SinkProvider}s on the class path by connector type. */
public final class ConnectorProviders {
    private ConnectorProviders() {
    }

    /** The source provider of {@code type}, or null when no module on the class path provides it. */
    public static SourceProvider source(String type) {
        for (SourceProvider provider : ServiceLoader.load(SourceProvider.class,
                ConnectorProviders.class.getClassLoader())) {
            if (provider.type().equals(type.toLowerCase(Locale.ROOT))) {
                return provider;
            }
        }
        return null;
    }

    /** The sink provider of {@code type}, or null when no module on the class path provides it. */
    public static SinkProvider sink(String type) {
        for (SinkProvider provider : ServiceLoader.load(SinkProvider.class,
                ConnectorProviders.class.getClassLoader())) {
            if (provider.type().equals(type.toLowerCase(Locale.ROOT))) {
                return provider;
            }
        }
        return null;
    }
}
