#!/usr/bin/perl
# first-window.pl LOG CMD [ARGS...]: runs the desktop app CMD (started with
# -Dolab.startupTiming=true), copies its output into LOG and prints, read from CLOCK_MONOTONIC,
# the seconds from starting CMD to the moment its "olab: first window after" line arrives, then
# the seconds until CMD exited. Prints "none" for the first figure if that line never came.
# Timing from outside avoids the JVM's own start instant, which Linux only knows to about 1 s
# (boot time in /proc/stat is whole seconds).
use strict;
use warnings;
use IO::Handle;
use Time::HiRes qw(clock_gettime CLOCK_MONOTONIC);

my $log = shift @ARGV;
die "usage: first-window.pl LOG CMD [ARGS...]\n" unless defined $log && @ARGV;
open(my $out, '>', $log) or die "first-window.pl: cannot write $log: $!\n";
$out->autoflush(1);
pipe(my $r, my $w) or die "first-window.pl: pipe: $!\n";
my $t0 = clock_gettime(CLOCK_MONOTONIC);
my $pid = fork();
die "first-window.pl: fork failed: $!\n" unless defined $pid;
if ($pid == 0) {
    close $r;
    open(STDOUT, '>&', $w) or die;
    open(STDERR, '>&', $w) or die;
    exec { $ARGV[0] } @ARGV or die "first-window.pl: cannot run $ARGV[0]: $!\n";
}
close $w;
local $SIG{INT} = 'IGNORE';
my $first;
while (my $line = <$r>) {
    $first //= clock_gettime(CLOCK_MONOTONIC) if $line =~ /^olab: first window after/;
    print $out $line;
}
waitpid($pid, 0);
my $status = $?;
my $t1 = clock_gettime(CLOCK_MONOTONIC);
printf "%s %.3f\n", defined $first ? sprintf('%.3f', $first - $t0) : 'none', $t1 - $t0;
exit($status & 127 ? 128 + ($status & 127) : $status >> 8);
