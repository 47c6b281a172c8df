package org.siddhiql.runtime.ratelimit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.StateCodec;

/** Codecs for the small records the rate limiter kernels keep in state. */
final class LimiterCodecs {
    private LimiterCodecs() {
    }

    static final StateCodec<Integer> INT = new StateCodec<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public void encode(Integer value, DataOutput out) throws IOException {
            out.writeInt(value);
        }

        @Override
        public Integer decode(DataInput in) throws IOException {
            return in.readInt();
        }

        @Override
        public boolean immutableValues() {
            return true;
        }
    };

    /** An event with the group-by key it was selected under. */
    static final class KeyedEvent {
        final String key;
        final Event event;

        KeyedEvent(String key, Event event) {
            this.key = key;
            this.event = event;
        }
    }

    static StateCodec<KeyedEvent> keyedEvent(StateCodec<Event> events) {
        return new StateCodec<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void encode(KeyedEvent value, DataOutput out) throws IOException {
                Codecs.writeString(value.key, out);
                events.encode(value.event, out);
            }

            @Override
            public KeyedEvent decode(DataInput in) throws IOException {
                String key = Codecs.readString(in);
                return new KeyedEvent(key, events.decode(in));
            }

            @Override
            public KeyedEvent copy(KeyedEvent value) {
                return value;
            }

            @Override
            public boolean immutableValues() {
                return true;
            }
        };
    }

    /** A group's latest event and how many of its events are still inside the window. */
    static final class GroupTally {
        final long inWindow;
        final Event latest;

        GroupTally(long inWindow, Event latest) {
            this.inWindow = inWindow;
            this.latest = latest;
        }
    }

    static StateCodec<GroupTally> groupTally(StateCodec<Event> events) {
        return new StateCodec<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void encode(GroupTally value, DataOutput out) throws IOException {
                out.writeLong(value.inWindow);
                out.writeBoolean(value.latest != null);
                if (value.latest != null) {
                    events.encode(value.latest, out);
                }
            }

            @Override
            public GroupTally decode(DataInput in) throws IOException {
                long inWindow = in.readLong();
                Event latest = in.readBoolean() ? events.decode(in) : null;
                return new GroupTally(inWindow, latest);
            }

            @Override
            public GroupTally copy(GroupTally value) {
                return value;
            }

            @Override
            public boolean immutableValues() {
                return true;
            }
        };
    }

    /** Object arrays of attribute values, nulls allowed. */
    static final StateCodec<Object[]> VALUES = new StateCodec<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public void encode(Object[] value, DataOutput out) throws IOException {
            Codecs.writeAny(value, out);
        }

        @Override
        public Object[] decode(DataInput in) throws IOException {
            return (Object[]) Codecs.readAny(in);
        }
    };
}
