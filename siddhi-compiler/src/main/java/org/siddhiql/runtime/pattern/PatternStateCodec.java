package org.siddhiql.runtime.pattern;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.state.ByteCounter;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.StateCodec;

/**
 * The binary form of a {@link PatternState}. Partial matches and event chains are shared between steps' lists, so
 * each is written once into a table and referred to by its index, which restores the sharing exactly.
 */
final class PatternStateCodec implements StateCodec<PatternState> {
    private static final long serialVersionUID = 1L;

    private final EventCodec[] slotCodecs;

    PatternStateCodec(List<StreamSchema> slotSchemas) {
        slotCodecs = new EventCodec[slotSchemas.size()];
        for (int i = 0; i < slotCodecs.length; i++) {
            slotCodecs[i] = new EventCodec(slotSchemas.get(i).typeArray());
        }
    }

    @Override
    public void encode(PatternState state, DataOutput out) throws IOException {
        Map<PartialMatch, Integer> matchIds = new IdentityHashMap<>();
        List<PartialMatch> matches = new ArrayList<>();
        for (PatternState.StepState step : state.steps) {
            register(step.pending, matchIds, matches);
            register(step.fresh, matchIds, matches);
        }
        Map<EventChain, Integer> chainIds = new IdentityHashMap<>();
        List<EventChain> chains = new ArrayList<>();
        List<Integer> chainSlots = new ArrayList<>();
        for (PartialMatch match : matches) {
            for (int slot = 0; slot < match.slots.length; slot++) {
                EventChain chain = match.slots[slot];
                if (chain != null && !chainIds.containsKey(chain)) {
                    chainIds.put(chain, chains.size());
                    chains.add(chain);
                    chainSlots.add(slot);
                }
            }
        }
        out.writeInt(chains.size());
        for (int c = 0; c < chains.size(); c++) {
            int slot = chainSlots.get(c);
            out.writeInt(slot);
            out.writeInt(chains.get(c).events.size());
            for (var event : chains.get(c).events) {
                slotCodecs[slot].encode(event, out);
            }
        }
        out.writeInt(matches.size());
        for (PartialMatch match : matches) {
            out.writeLong(match.timestamp);
            out.writeBoolean(match.expired);
            for (EventChain chain : match.slots) {
                out.writeInt(chain == null ? -1 : chainIds.get(chain));
            }
        }
        for (PatternState.StepState step : state.steps) {
            out.writeBoolean(step.stateChanged);
            out.writeBoolean(step.successCondition);
            out.writeBoolean(step.completed);
            out.writeLong(step.lastScheduledTime);
            out.writeBoolean(step.active);
            out.writeBoolean(step.initialized);
            out.writeBoolean(step.restart);
            out.writeLong(step.lastArrivalTime);
            out.writeInt(step.timers.size());
            for (long time : step.timers) {
                out.writeLong(time);
            }
            writeIds(step.pending, matchIds, out);
            writeIds(step.fresh, matchIds, out);
        }
    }

    /** The number of bytes {@link #encode} writes for the state. */
    long encodedSize(PatternState state) {
        ByteCounter counter = new ByteCounter();
        try {
            encode(state, counter);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a counter never fails
        }
        return counter.count();
    }

    @Override
    public PatternState decode(DataInput in) throws IOException {
        EventChain[] chains = new EventChain[in.readInt()];
        for (int c = 0; c < chains.length; c++) {
            int slot = in.readInt();
            int size = in.readInt();
            chains[c] = new EventChain();
            for (int e = 0; e < size; e++) {
                chains[c].events.add(slotCodecs[slot].decode(in));
            }
        }
        PartialMatch[] matches = new PartialMatch[in.readInt()];
        for (int m = 0; m < matches.length; m++) {
            PartialMatch match = new PartialMatch(slotCodecs.length);
            match.timestamp = in.readLong();
            match.expired = in.readBoolean();
            for (int slot = 0; slot < slotCodecs.length; slot++) {
                int id = in.readInt();
                match.slots[slot] = id < 0 ? null : chains[id];
            }
            matches[m] = match;
        }
        PatternState state = new PatternState(slotCodecs.length);
        for (PatternState.StepState step : state.steps) {
            step.stateChanged = in.readBoolean();
            step.successCondition = in.readBoolean();
            step.completed = in.readBoolean();
            step.lastScheduledTime = in.readLong();
            step.active = in.readBoolean();
            step.initialized = in.readBoolean();
            step.restart = in.readBoolean();
            step.lastArrivalTime = in.readLong();
            for (int t = in.readInt(); t > 0; t--) {
                step.timers.add(in.readLong());
            }
            readIds(step.pending, matches, in);
            readIds(step.fresh, matches, in);
        }
        return state;
    }

    private static void register(List<PartialMatch> list, Map<PartialMatch, Integer> ids, List<PartialMatch> all) {
        for (PartialMatch match : list) {
            if (!ids.containsKey(match)) {
                ids.put(match, all.size());
                all.add(match);
            }
        }
    }

    private static void writeIds(List<PartialMatch> list, Map<PartialMatch, Integer> ids, DataOutput out)
            throws IOException {
        out.writeInt(list.size());
        for (PartialMatch match : list) {
            out.writeInt(ids.get(match));
        }
    }

    private static void readIds(List<PartialMatch> list, PartialMatch[] matches, DataInput in) throws IOException {
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            list.add(matches[in.readInt()]);
        }
    }
}
