package org.siddhiql.runtime.window;

import org.siddhiql.runtime.state.EventCodec;

/**
 * What every built-in window spec holds: its text for explain output, Siddhi's processing mode for what follows it,
 * and the codec of the events it keeps. Built-in windows run on a single key unless they say otherwise.
 */
abstract class BaseWindowSpec implements WindowSpec {
    private static final long serialVersionUID = 1L;

    private final String description;
    private final ProcessingMode processingMode;
    /** The codec of the window's input events, for the state its kernels keep. */
    final EventCodec codec;

    BaseWindowSpec(String description, ProcessingMode processingMode, EventCodec codec) {
        this.description = description;
        this.processingMode = processingMode;
        this.codec = codec;
    }

    @Override
    public final String describe() {
        return description;
    }

    @Override
    public boolean splittableByKey() {
        return false;
    }

    @Override
    public final ProcessingMode processingMode() {
        return processingMode;
    }
}
