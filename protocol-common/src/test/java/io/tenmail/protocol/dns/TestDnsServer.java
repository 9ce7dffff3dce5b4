package io.tenmail.protocol.dns;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An authoritative-only DNS responder on 127.0.0.1 (UDP) for the zone {@code test.}, answering
 * from records the test adds: NOERROR with the records, NODATA (with the SOA) for a name that has
 * other types, NXDOMAIN (with the SOA) for an unknown name, SERVFAIL for names marked broken.
 * CNAMEs are answered as a real server does (the CNAME plus the target's records), so dnsjava's
 * following is exercised.
 * <p>
 * Shared by the modules' tests through protocol-common's test-jar.
 */
public final class TestDnsServer implements AutoCloseable {
    private static final Name ZONE = name("test.");
    private static final long TTL = 60;

    private final DatagramSocket socket;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<Name> broken = ConcurrentHashMap.newKeySet();
    private final Thread thread;

    public TestDnsServer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "test-dns-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** The UDP address to query, e.g. for {@link DnsLookup#of}. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", socket.getLocalPort());
    }

    /** The address as {@code 127.0.0.1:port}, the form of the {@code tenmail.dns.resolvers} setting. */
    public String hostAndPort() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public TestDnsServer srv(String owner, int priority, int weight, int port, String target) {
        return add(new SRVRecord(name(owner), DClass.IN, TTL, priority, weight, port, name(target)));
    }

    public TestDnsServer mx(String domain, int preference, String host) {
        return add(new MXRecord(name(domain), DClass.IN, TTL, preference, name(host)));
    }

    public TestDnsServer a(String host, String address) {
        try {
            InetAddress ip = InetAddress.getByName(address);
            return add(ip.getAddress().length == 4 ? new ARecord(name(host), DClass.IN, TTL, ip)
                    : new AAAARecord(name(host), DClass.IN, TTL, ip));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    public TestDnsServer cname(String alias, String target) {
        return add(new CNAMERecord(name(alias), DClass.IN, TTL, name(target)));
    }

    /** Answers SERVFAIL for every question about this name. */
    public TestDnsServer broken(String host) {
        broken.add(name(host));
        return this;
    }

    /** A TXT record (SPF, DKIM key, DMARC policy); strings over 255 octets are split as RFC 7208 §3.3 allows. */
    public TestDnsServer txt(String owner, String text) {
        List<String> strings = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i += 255) strings.add(text.substring(i, Math.min(text.length(), i + 255)));
        return add(new TXTRecord(name(owner), DClass.IN, TTL, strings));
    }

    private TestDnsServer add(Record r) {
        records.computeIfAbsent(r.getName(), n -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    public static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire(4096);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) return;
            }
        }
    }

    private Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) response.getHeader().setFlag(Flags.RD);
        response.getHeader().setFlag(Flags.RA);
        Record question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        int type = question.getType();
        if (broken.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        for (int hops = 0; hops < 8; hops++) {
            List<Record> here = records.get(name);
            if (here == null) {
                response.getHeader().setRcode(Rcode.NXDOMAIN); // RFC 6604: the code is about the last name of a chain
                response.addRecord(soa(), Section.AUTHORITY);
                return response;
            }
            boolean answered = false;
            for (Record r : here) {
                if (r.getType() == type) {
                    response.addRecord(r, Section.ANSWER);
                    answered = true;
                }
            }
            if (answered) return response;
            Record cname = here.stream().filter(r -> r.getType() == Type.CNAME).findFirst().orElse(null);
            if (cname == null) {
                response.addRecord(soa(), Section.AUTHORITY); // NODATA
                return response;
            }
            response.addRecord(cname, Section.ANSWER);
            name = ((CNAMERecord) cname).getTarget();
        }
        return response;
    }

    private static SOARecord soa() {
        return new SOARecord(ZONE, DClass.IN, TTL, name("ns.test."), name("hostmaster.test."), 1, 3600, 600, 86400, TTL);
    }

    @Override
    public void close() {
        socket.close();
    }
}
