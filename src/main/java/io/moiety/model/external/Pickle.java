package io.moiety.model.external;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the pickle (protocol 2–4 subset) that {@code torch.jit.save} writes as a TorchScript
 * archive's {@code data.pkl}: the module tree with its attributes, where tensors appear as calls
 * of {@code torch._utils._rebuild_tensor_v2} on persistent storage references. Nothing is
 * executed: globals, calls and objects are returned as plain records to inspect.
 * Values: {@link String}, {@link Long}, {@link Double}, {@link Boolean}, {@code null},
 * {@link List} (lists and tuples), {@link Map}, {@code byte[]}, {@link Global}, {@link Call},
 * {@link Instance}, {@link Persistent}.
 */
final class Pickle {
    /** A {@code module.name} reference (a class or function). */
    record Global(String module, String name) {
        boolean is(String m, String n) { return module.equals(m) && name.equals(n); }
    }

    /** {@code callable(*args)} as written by REDUCE. */
    record Call(Object callable, List<Object> args) {}

    /** A persistent reference (for TorchScript: a tensor storage). */
    record Persistent(Object id) {}

    /** An object made by NEWOBJ; {@link #state} is set by BUILD (for modules: a map of attributes). */
    static final class Instance {
        final Global type;
        Object state;

        Instance(Global type) { this.type = type; }
    }

    private static final Object MARK = new Object();
    /** ArrayDeque rejects null: None is pushed as this and turned back into null when popped. */
    private static final Object NULL_SENTINEL = new Object();

    private final ByteBuffer in;
    private final String origin;
    private final Deque<Object> stack = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private Pickle(byte[] data, String origin) {
        this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        this.origin = origin;
    }

    /** Parses {@code data}; {@code origin} names it in errors. */
    static Object read(byte[] data, String origin) throws IOException {
        try {
            return new Pickle(data, origin).run();
        } catch (RuntimeException e) {
            throw new IOException(origin + ": cannot read pickle: " + e.getMessage(), e);
        }
    }

    private Object run() throws IOException {
        while (true) {
            int pos = in.position();
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> in.get(); // PROTO
                case 0x95 -> in.getLong(); // FRAME
                case '.' -> { return pop(); } // STOP
                case 'c' -> stack.push(new Global(line(), line()));
                case 0x93 -> { String name = (String) pop(); stack.push(new Global((String) pop(), name)); } // STACK_GLOBAL
                case 'q' -> memo.put((long) (in.get() & 0xff), stack.getFirst());
                case 'r' -> memo.put(in.getInt() & 0xffffffffL, stack.getFirst());
                case 0x94 -> memo.put((long) memo.size(), stack.getFirst()); // MEMOIZE
                case 'h' -> stack.push(memoGet(in.get() & 0xff));
                case 'j' -> stack.push(memoGet(in.getInt() & 0xffffffffL));
                case '(' -> stack.push(MARK);
                case ')' -> stack.push(List.of());
                case ']' -> stack.push(new ArrayList<>());
                case '}' -> stack.push(new LinkedHashMap<>());
                case 'N' -> stack.push(NULL_SENTINEL);
                case 0x88 -> stack.push(Boolean.TRUE);
                case 0x89 -> stack.push(Boolean.FALSE);
                case 'K' -> stack.push((long) (in.get() & 0xff));
                case 'M' -> stack.push((long) (in.getShort() & 0xffff));
                case 'J' -> stack.push((long) in.getInt());
                case 0x8a -> stack.push(long1(in.get() & 0xff));
                case 'G' -> stack.push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // big-endian
                case 'X' -> stack.push(string(in.getInt()));
                case 0x8c -> stack.push(string(in.get() & 0xff));
                case 'B' -> stack.push(bytes(in.getInt()));
                case 'C' -> stack.push(bytes(in.get() & 0xff));
                case 't' -> stack.push(Collections.unmodifiableList(popToMark()));
                case 'l' -> stack.push(popToMark());
                case 0x85 -> stack.push(tuple(pop()));
                case 0x86 -> { Object b = pop(); Object a = pop(); stack.push(tuple(a, b)); }
                case 0x87 -> { Object c = pop(); Object b = pop(); Object a = pop(); stack.push(tuple(a, b, c)); }
                case 'a' -> { Object v = pop(); list(stack.peek()).add(v); }
                case 'e' -> { List<Object> items = popToMark(); list(stack.peek()).addAll(items); }
                case 'd' -> { Map<Object, Object> m = new LinkedHashMap<>(); putPairs(m, popToMark()); stack.push(m); }
                case 's' -> { Object v = pop(); Object k = pop(); map(stack.peek()).put(k, v); }
                case 'u' -> { List<Object> items = popToMark(); putPairs(map(stack.peek()), items); }
                case 'R' -> { Object args = pop(); Object fn = pop(); stack.push(new Call(fn, list(args))); }
                case 0x81 -> { pop(); Object cls = pop(); stack.push(new Instance(cls instanceof Global g ? g : new Global("?", "?"))); }
                case 'b' -> {
                    Object state = pop();
                    Object target = stack.peek();
                    if (target instanceof Instance inst) {
                        inst.state = state;
                    }
                }
                case 'Q' -> stack.push(new Persistent(pop()));
                default -> throw new IOException(origin + ": unsupported pickle opcode 0x" + Integer.toHexString(op)
                        + " at byte " + pos);
            }
        }
    }

    private static List<Object> tuple(Object... items) {
        List<Object> l = new ArrayList<>(items.length);
        Collections.addAll(l, items);
        return Collections.unmodifiableList(l);
    }

    private Object memoGet(long key) {
        Object o = memo.get(key);
        if (o == null) {
            throw new IllegalStateException("memo key " + key + " missing");
        }
        return o;
    }

    private Object pop() {
        if (stack.isEmpty()) {
            throw new IllegalStateException("stack underflow at byte " + in.position());
        }
        Object o = stack.pop();
        return o == NULL_SENTINEL ? null : o;
    }

    private List<Object> popToMark() {
        List<Object> items = new ArrayList<>();
        while (true) {
            Object o = stack.pop();
            if (o == MARK) {
                break;
            }
            items.add(o == NULL_SENTINEL ? null : o);
        }
        Collections.reverse(items);
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalStateException("expected a list or tuple, found " + o);
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object o) {
        if (o instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw new IllegalStateException("expected a dict, found " + o);
    }

    private static void putPairs(Map<Object, Object> m, List<Object> items) {
        for (int i = 0; i + 1 < items.size(); i += 2) {
            m.put(items.get(i), items.get(i + 1));
        }
    }

    private String line() {
        int start = in.position();
        while (in.get() != '\n') {
            // scan to the newline
        }
        return new String(in.array(), start, in.position() - start - 1, StandardCharsets.UTF_8);
    }

    private String string(int length) {
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private byte[] bytes(int length) {
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }

    private long long1(int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v |= (in.get() & 0xffL) << (8 * i);
        }
        if (length > 0 && length < 8 && (v >> (8 * length - 1) & 1) == 1) {
            v -= 1L << (8 * length);
        }
        return v;
    }

}
