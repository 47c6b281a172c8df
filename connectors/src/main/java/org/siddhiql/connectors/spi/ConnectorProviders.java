package org.siddhiql.connectors.spi;

import java.util.Locale;
import java.util.ServiceLoader;

/** Looks up the {@link ConnectorProvider} of a connector type on the class path. */
public final class ConnectorProviders {
    private ConnectorProviders() {
    }

    /** The provider of {@code type}, or null when no module on the class path provides it. */
    public static ConnectorProvider find(String type) {
        String wanted = type.toLowerCase(Locale.ROOT);
        for (ConnectorProvider provider : ServiceLoader.load(ConnectorProvider.class,
                ConnectorProviders.class.getClassLoader())) {
            if (provider.type().equals(wanted)) {
                return provider;
            }
        }
        return null;
    }
}
