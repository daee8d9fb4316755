// Command vcsim serves govmomi's vCenter simulator (the library Debian packages as
// golang-github-vmware-govmomi-dev; the package has no vcsim binary) for vrouter's
// hypervisor-vmware tests. It listens on loopback only, prints the SDK URL on its first line
// of output, and runs until SIGINT or SIGTERM, when it removes the simulator's temporary
// datastore directory.
//
// Built by the tests in GOPATH mode, offline:
//
//	GO111MODULE=off GOPATH=<work>:/usr/share/gocode go build -o vcsim vcsim
package main

import (
	"crypto/tls"
	"flag"
	"fmt"
	"log"
	"net"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

func main() {
	listen := flag.String("l", "127.0.0.1:0", "loopback address and port to listen on (port 0: any free port)")
	username := flag.String("username", "", "the only user name login accepts (empty: any non-empty user)")
	password := flag.String("password", "", "the password that goes with -username")
	delays := methodDelays{}
	flag.Var(delays, "delay", "Method=milliseconds: answer every call of Method that much later (a slow vCenter); repeatable")
	flag.Parse()

	host, _, err := net.SplitHostPort(*listen)
	if err != nil {
		log.Fatalf("-l %s: %v", *listen, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		log.Fatalf("-l %s: refusing to listen anywhere but on loopback", *listen)
	}

	model := simulator.VPX() // datacenter DC0, cluster DC0_C0, standalone host DC0_H0, datastore LocalDS_0
	hideNewerManagers(&model.ServiceContent)
	model.DelayConfig.MethodDelay = delays
	if err := model.Create(); err != nil {
		log.Fatal(err)
	}
	defer model.Remove()

	address := &url.URL{Scheme: "https", Host: *listen}
	if *username != "" {
		address.User = url.UserPassword(*username, *password)
	}
	model.Service.Listen = address
	model.Service.TLS = new(tls.Config) // the simulator's own self-signed certificate
	server := model.Service.NewServer()
	defer server.Close()

	sdk := *server.URL
	sdk.User = nil // the tests know the credentials; keep them out of the output
	fmt.Println(sdk.String())

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
}

// methodDelays collects -delay Method=milliseconds flags.
type methodDelays map[string]int

func (d methodDelays) String() string {
	return fmt.Sprint(map[string]int(d))
}

func (d methodDelays) Set(value string) error {
	method, millis, found := strings.Cut(value, "=")
	if !found || method == "" {
		return fmt.Errorf("want Method=milliseconds, got %q", value)
	}
	n, err := strconv.Atoi(millis)
	if err != nil || n < 0 {
		return fmt.Errorf("want Method=milliseconds, got %q", value)
	}
	d[method] = n
	return nil
}

// hideNewerManagers drops the service-content managers vSphere added after 6.0. yavijava's
// strict XML reader fails on any element it does not know, so it could not even log in while
// they are announced.
func hideNewerManagers(content *types.ServiceContent) {
	content.VStorageObjectManager = nil
	content.HostSpecManager = nil
	content.CryptoManager = nil
	content.HealthUpdateManager = nil
	content.FailoverClusterConfigurator = nil
	content.FailoverClusterManager = nil
	content.DatastoreNamespaceManager = nil
	content.OverheadMemoryManager = nil
	content.CertificateManager = nil
	content.IoFilterManager = nil
}
