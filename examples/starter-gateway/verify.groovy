// The repository's check of the starter (not part of your own project): runs main() in a child JVM on the
// class path and on the module path, and checks that it prints a web-shell URL and that the JVM exits
// within 2 s of main() printing its last line (nothing the SDK created keeps the JVM alive).
def dir = basedir
def deps = new File(dir, 'target/classpath.txt').text.trim()
def path = new File(dir, 'target/classes').path + File.pathSeparator + deps
def java = System.getProperty('java.home') + '/bin/java'
def runs = [
    'class path' : [java, '-cp', path, 'org.example.gateway.StarterGateway'],
    'module path': [java, '-p', path, '-m', 'org.example.gateway/org.example.gateway.StarterGateway'],
]
runs.each { name, command ->
    def log = new File(dir, "target/main-${name.replace(' ', '-')}.log")
    def process = new ProcessBuilder(command).directory(dir).redirectError(log).start()
    def reader = new BufferedReader(new InputStreamReader(process.inputStream))
    String line
    String url = null
    long printedAt = 0
    while ((line = reader.readLine()) != null) {
        println "[${name}] ${line}"
        if (line.startsWith('Web shell: ')) {
            url = line.substring('Web shell: '.length())
            printedAt = System.nanoTime()
        }
    }
    boolean exited = process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)
    long exitMillis = (System.nanoTime() - printedAt).intdiv(1_000_000)
    if (!exited) {
        process.destroyForcibly()
        throw new AssertionError("[${name}] the JVM did not exit within 30 s of main() returning; see ${log}")
    }
    if (process.exitValue() != 0 || url == null) {
        throw new AssertionError("[${name}] main() failed (exit ${process.exitValue()}), no web-shell URL; see ${log}")
    }
    if (!url.startsWith('https://') || !url.contains('/guacamole/#/client/')) {
        throw new AssertionError("[${name}] not a web-shell URL: ${url}")
    }
    println "[${name}] JVM exited ${exitMillis} ms after main() printed the web-shell URL"
    if (exitMillis > 2000) {
        throw new AssertionError("[${name}] the JVM took ${exitMillis} ms (> 2000) to exit after main() returned")
    }
}
return true
