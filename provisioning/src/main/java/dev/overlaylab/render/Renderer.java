package dev.overlaylab.render;

import dev.overlaylab.model.Cidr;
import dev.overlaylab.model.Lab;
import dev.overlaylab.model.Node;
import dev.overlaylab.model.Profile;
import dev.overlaylab.render.kube.CniLease;
import dev.overlaylab.render.kube.KubeFile;
import dev.overlaylab.render.kube.KubeFiles;
import dev.overlaylab.render.kube.Kubeconfig;
import dev.overlaylab.render.kube.Pki;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * Renders every file a lab's nodes get, in memory, from the FreeMarker templates in {@code templates/}
 * on the classpath — or from a user folder of the same layout, whose files override single templates.
 *
 * <p>Strict on purpose: a variable a template uses but the model lacks is an error naming the
 * template, line and node; nothing is locale- or time-dependent, so rendering twice gives the same
 * bytes. One instance keeps its configuration and parsed templates for every node; it is safe to
 * share between threads once built.
 */
public final class Renderer {
    private static final freemarker.template.Version FREEMARKER = Configuration.VERSION_2_3_34;

    private final Configuration cfg;
    private final Optional<Path> userTemplates;
    /** Where a Kubernetes lab's certificates come from: the lab's state folder, or the one a caller gives. */
    private final Function<Lab, Pki> kubePki;

    private Renderer(Optional<Path> userTemplates) throws IOException {
        this(configure(userTemplates), userTemplates, KubeFiles::pki);
    }

    private Renderer(Configuration cfg, Optional<Path> userTemplates, Function<Lab, Pki> kubePki) {
        this.cfg = cfg;
        this.userTemplates = userTemplates;
        this.kubePki = kubePki;
    }

    /** A renderer using only the built-in templates. */
    public static Renderer builtIn() {
        try {
            return new Renderer(Optional.empty());
        } catch (IOException e) {
            throw new IllegalStateException("the built-in templates cannot be read", e);
        }
    }

    /** A renderer whose templates come from {@code folder} first (e.g. {@code flannel/flanneld.service.ftl}), then the built-in ones. */
    public static Renderer withUserTemplates(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("templates folder " + folder + " does not exist or is not a folder");
        }
        return new Renderer(Optional.of(folder.toAbsolutePath().normalize()));
    }

    /**
     * The renderer a lab asks for: its {@code templates:} folder over the built-in templates, else the built-in
     * ones alone. Every render of a lab goes through here, so an override reaches {@code up}, {@code apply},
     * {@code diagnose --fix} and the app alike, not only the command that was handed a folder.
     */
    public static Renderer forLab(Lab lab) throws RenderException {
        if (lab.templates().isEmpty()) {
            return builtIn();
        }
        try {
            return withUserTemplates(lab.templates().get());
        } catch (IOException e) {
            throw new RenderException(e.getMessage() + " (templates: of lab " + lab.name() + lab.source().map(s -> ", " + s).orElse("")
                    + "); create the folder, or remove templates: to use the built-in templates", e);
        }
    }

    /**
     * Parses every template ahead of use, so a caller can do it on another thread while it loads
     * the lab (the CLI does: parsing is most of a cold render). Failures are left for
     * {@link #render} to report with the node they concern.
     */
    public Renderer warmUp() {
        for (String name : NodeFiles.allTemplates()) {
            try {
                cfg.getTemplate(name);
            } catch (IOException e) {
                // reported by render() when (and if) the lab uses this template
            }
        }
        return this;
    }

    /**
     * This renderer with a Kubernetes lab's certificates taken from {@code pki} instead of the lab's state
     * folder (tests render with a fixed PKI; the templates and their parsed form are shared).
     */
    public Renderer withKubePki(Pki pki) {
        return new Renderer(cfg, userTemplates, lab -> pki);
    }

    public Optional<Path> userTemplates() {
        return userTemplates;
    }

    /** Every node's files, in the lab's node order, and the flannel network config (the etcd value). */
    public RenderedLab render(Lab lab, Profile profile) throws RenderException {
        RenderModel model = new RenderModel(lab, profile);
        Map<String, List<RenderedFile>> files = new LinkedHashMap<>();
        for (Node node : lab.nodes()) {
            files.put(node.name(), renderNode(lab, profile, model, node));
        }
        return new RenderedLab(files, networkConfigJson(model), (node, subnet, mtu) -> cniConflist(model, lab, node, subnet, mtu));
    }

    /**
     * The file that gives {@code node} its static host-only address (in the profile's network tool), exactly as the
     * base stage writes it. For a provider that must give a node that address before it boots (the local provider),
     * so the node boots with the very file the engine then finds unchanged: one writer of that file, not two.
     */
    public RenderedFile hostOnlyAddress(Lab lab, Profile profile, Node node) throws RenderException {
        RenderModel model = new RenderModel(lab, profile);
        NodeFiles.Spec spec = NodeFiles.hostOnlyAddress(profile, node);
        String text = process(spec.template(), model.forNode(node, spec.template()), "node " + node.name());
        return new RenderedFile(spec.path(), text, spec.mode(), spec.component(), spec.restarts(), spec.applyCommand());
    }

    /** One node's files (e.g. to re-render a single node in the GUI's config view). */
    public List<RenderedFile> renderNode(Lab lab, Profile profile, Node node) throws RenderException {
        return renderNode(lab, profile, new RenderModel(lab, profile), node);
    }

    /** The flannel network config exactly as written to etcd: one line of JSON, keys in a stable order. */
    public String networkConfigJson(Lab lab, Profile profile) throws RenderException {
        return networkConfigJson(new RenderModel(lab, profile));
    }

    private List<RenderedFile> renderNode(Lab lab, Profile profile, RenderModel model, Node node) throws RenderException {
        List<RenderedFile> out = new ArrayList<>();
        for (NodeFiles.Spec spec : NodeFiles.of(lab, profile, node, model.etcdUnit())) {
            String text = process(spec.template(), model.forNode(node, spec.template()), "node " + node.name());
            out.add(new RenderedFile(spec.path(), text, spec.mode(), spec.component(), spec.restarts(), spec.applyCommand()));
        }
        if (lab.kubernetes().isPresent()) {     // certificates from the lab's PKI, placed by templates like every other file
            for (KubeFile f : KubeFiles.of(lab, profile, node, kubePki.apply(lab))) {
                Map<String, Object> m = model.forNode(node, f.template(), KubeFiles.marker(lab.name()), f.values());
                out.add(new RenderedFile(f.path(), process(f.template(), m, "node " + node.name()), f.mode(), f.component(), f.restarts()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The admin's kubeconfig (system:masters) for this machine, as {@code olab kubeconfig} writes it: the
     * apiserver at the master's host-only address, {@code header} as its first-line comment.
     */
    public String adminKubeconfig(Lab lab, Profile profile, String header) throws RenderException {
        if (lab.kubernetes().isEmpty()) {
            throw new IllegalArgumentException("lab " + lab.name() + " has no kubernetes: section");
        }
        return process(Kubeconfig.TEMPLATE, new RenderModel(lab, profile).forHost(header, KubeFiles.adminKubeconfig(lab, kubePki.apply(lab))),
                "the admin kubeconfig of lab " + lab.name());
    }

    /**
     * A node's CNI conflist for Kubernetes, from its flannel lease ({@code subnet} = FLANNEL_SUBNET, {@code mtu}
     * = FLANNEL_MTU): known only on {@code up}, after flanneld started, so not among the node's files.
     */
    public String cniConflist(Lab lab, Profile profile, Node node, Cidr subnet, int mtu) throws RenderException {
        return cniConflist(new RenderModel(lab, profile), lab, node, subnet, mtu);
    }

    private String cniConflist(RenderModel model, Lab lab, Node node, Cidr subnet, int mtu) throws RenderException {
        return process(CniLease.TEMPLATE, model.forNode(node, CniLease.TEMPLATE, CniLease.marker(lab.name()), CniLease.values(subnet, mtu)),
                "node " + node.name());
    }

    private String networkConfigJson(RenderModel model) throws RenderException {
        String template = NodeFiles.NETWORK_CONFIG_TEMPLATE;
        return process(template, model.forLab(template), "the flannel network config").strip();
    }

    private String process(String templateName, Map<String, Object> model, String forWhat) throws RenderException {
        Template template;
        try {
            template = cfg.getTemplate(templateName);
        } catch (TemplateNotFoundException e) {
            throw new RenderException("template " + templateName + " not found (built-in templates"
                    + userTemplates.map(p -> " or " + p).orElse("") + ")", e);
        } catch (IOException e) {
            throw new RenderException("template " + templateName + " cannot be used: " + describe(e), e);
        }
        StringWriter w = new StringWriter(1024);
        try {
            template.process(model, w);
        } catch (InvalidReferenceException e) {
            throw new RenderException("template " + templateName + " failed for " + forWhat + " at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getBlamedExpressionString()
                    + " is missing (the variables a template can use are listed in templates/README.md)", e);
        } catch (TemplateException e) {
            throw new RenderException("template " + templateName + " failed for " + forWhat + " at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new RenderException("template " + templateName + " failed for " + forWhat + ": " + e.getMessage(), e);
        }
        return w.toString();
    }

    /** A template that cannot be loaded: the syntax error with its position, wherever FreeMarker wrapped it. */
    private static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParseException p) {
                return "syntax error at line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ": "
                        + firstLine(p.getEditorMessage());
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return firstLine(String.valueOf(root.getMessage()));
    }

    private static String firstLine(String text) {
        String s = text.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).strip();
    }

    private static Configuration configure(Optional<Path> userTemplates) throws IOException {
        Configuration c = new Configuration(FREEMARKER);
        TemplateLoader builtIn = new ClassTemplateLoader(Renderer.class.getClassLoader(), "templates");
        if (userTemplates.isPresent()) {
            c.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
                new FileTemplateLoader(userTemplates.get().toFile()), builtIn}));
        } else {
            c.setTemplateLoader(builtIn);
        }
        c.setDefaultEncoding(StandardCharsets.UTF_8.name());
        c.setOutputEncoding(StandardCharsets.UTF_8.name());
        c.setLocale(Locale.ROOT);
        c.setLocalizedLookup(false);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        // Ports, MTUs, VNIs print as 2379, never "2,379"; booleans as true/false.
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        // Fail loudly: no error text pasted into a config file, no logging of what we rethrow.
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        // User templates get data, not the JVM.
        c.setAPIBuiltinEnabled(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(FREEMARKER).build());
        return c;
    }
}
