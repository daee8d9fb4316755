package org.vrouter.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.vrouter.api.golden.GoldenFiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Fails the build when a module breaks the dependency rules of the architecture: in its pom
 * (compile/runtime dependencies) or in its main sources (imports of another module's packages).
 */
class ModuleDependencyRulesTest {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(org\\.vrouter\\.[\\w.]+)", Pattern.MULTILINE);
    private static final Path ROOT = GoldenFiles.repositoryRoot();

    @Test
    void everyModuleOfTheArchitectureIsInTheBuild() throws Exception {
        Document parent = parse(ROOT.resolve("pom.xml"));
        Set<String> modules = new TreeSet<>(texts(parent.getDocumentElement(), "modules", "module"));
        assertThat(modules).isEqualTo(new TreeSet<>(ModuleRules.ALLOWED.keySet()));
    }

    @Test
    void pomDependenciesFollowTheRules() throws Exception {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> rule : ModuleRules.ALLOWED.entrySet()) {
            String module = rule.getKey();
            for (Dependency dependency : mainDependencies(module)) {
                if (dependency.groupId().equals("org.vrouter")) {
                    String target = dependency.artifactId().replaceFirst("^vrouter-", "");
                    if (!rule.getValue().contains(target)) {
                        violations.add(module + "/pom.xml depends on " + target + "; allowed: " + new TreeSet<>(rule.getValue()));
                    }
                }
                else if (module.equals("api") && !ModuleRules.API_THIRD_PARTY.contains(dependency.coordinates())) {
                    violations.add("api/pom.xml depends on " + dependency.coordinates() + "; api may use only " + ModuleRules.API_THIRD_PARTY);
                }
            }
        }
        assertThat(violations).as("module dependency rules (docs/architecture.md section 2)").isEmpty();
    }

    @Test
    void importsFollowTheRules() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, Set<String>> rule : ModuleRules.ALLOWED.entrySet()) {
            String module = rule.getKey();
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                    Matcher matcher = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        String target = moduleOf(matcher.group(1));
                        if (!target.equals(module) && !rule.getValue().contains(target)) {
                            violations.add(ROOT.relativize(file) + " imports " + matcher.group(1) + " from module " + target);
                        }
                    }
                }
            }
        }
        assertThat(violations).as("imports across modules (docs/architecture.md section 2)").isEmpty();
    }

    @Test
    void nothingDependsOnTheCli() throws Exception {
        for (String module : ModuleRules.ALLOWED.keySet()) {
            assertThat(mainDependencies(module))
                    .as(module + " must not depend on cli")
                    .noneMatch(dependency -> dependency.artifactId().equals("vrouter-cli"));
        }
    }

    private static String moduleOf(String importedName) {
        return ModuleRules.PACKAGES.entrySet().stream()
                .filter(entry -> importedName.equals(entry.getValue()) || importedName.startsWith(entry.getValue() + "."))
                .max(Comparator.comparingInt(entry -> entry.getValue().length()))
                .map(Map.Entry::getKey)
                .orElse("<unknown package " + importedName + ">");
    }

    private record Dependency(String groupId, String artifactId, String scope) {
        String coordinates() {
            return groupId + ":" + artifactId;
        }
    }

    private static List<Dependency> mainDependencies(String module) throws Exception {
        Document pom = parse(ROOT.resolve(module).resolve("pom.xml"));
        List<Dependency> dependencies = new ArrayList<>();
        for (Element dependency : children(pom.getDocumentElement(), "dependencies", "dependency")) {
            String scope = text(dependency, "scope", "compile");
            if (scope.equals("test") || scope.equals("provided")) {
                continue;
            }
            dependencies.add(new Dependency(text(dependency, "groupId", ""), text(dependency, "artifactId", ""), scope));
        }
        return dependencies;
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    /** Elements {@code parent/container/item} that are direct children (not those under dependencyManagement). */
    private static List<Element> children(Element parent, String container, String item) {
        List<Element> result = new ArrayList<>();
        for (Element holder : direct(parent, container)) {
            result.addAll(direct(holder, item));
        }
        return result;
    }

    private static List<String> texts(Element parent, String container, String item) {
        return children(parent, container, item).stream().map(element -> element.getTextContent().trim()).toList();
    }

    private static List<Element> direct(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }

    private static String text(Element parent, String name, String fallback) {
        List<Element> found = direct(parent, name);
        return found.isEmpty() ? fallback : found.get(0).getTextContent().trim();
    }
}
