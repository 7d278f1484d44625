<#-- Local (nspawn) nodes only: runc with the OCI spec's cgroup resources (cpu, memory, pids, hugepages, unified)
     removed before create/run. The node's cgroup v2 has no controllers delegated, and runc fails when asked
     to set them (kind's ociwrapper does the same). Perl is in every Debian (perl-base). -->
#!/usr/bin/perl
# ${managed}
# Pod limits are not enforced on local nodes: this drops them from the container's config.json.
my ($bundle, $cmd) = ('', '');
for (my $i = 0; $i < @ARGV; $i++) {
  if ($ARGV[$i] eq '--bundle' || $ARGV[$i] eq '-b') { $bundle = $ARGV[$i + 1]; }
  elsif ($ARGV[$i] =~ /^--bundle=(.*)/) { $bundle = $1; }
  elsif ($ARGV[$i] eq 'create' || $ARGV[$i] eq 'run') { $cmd = $ARGV[$i]; }
}
if ($cmd && $bundle && open(my $in, '<', "$bundle/config.json")) {
  local $/; my $json = <$in>; close $in;
  my $obj = qr/(\{(?:[^{}"]++|"(?:[^"\\]|\\.)*"|(?-1))*\})/;
  my $arr = qr/(\[(?:[^\[\]"]++|"(?:[^"\\]|\\.)*"|(?-1))*\])/;
  for my $k ('memory', 'cpu', 'pids', 'unified') { $json =~ s/"$k":$obj,?//g; }
  $json =~ s/"hugepageLimits":$arr,?//g;
  $json =~ s/,\}/}/g;
  open(my $out, '>', "$bundle/config.json") or die "olab-runc: $bundle/config.json: $!";
  print $out $json; close $out;
}
exec '/usr/sbin/runc', @ARGV or die "olab-runc: cannot run runc: $!";
