<#
.SYNOPSIS
  Builds the Windows installers of CityOps Console (CityOps-<version>.msi and .exe, plus the
  app-image) on a Windows machine: the same `mvn -B -Pinstaller -DskipTests package` as on Linux;
  the pom's Windows profile switches jpackage to msi/exe (docs/packaging.md, "Windows").

.DESCRIPTION
  Needs, on PATH: a JDK 17 or newer (its jpackage; x64), Maven 3.8+, and WiX Toolset 3.x
  (candle.exe and light.exe; JDK 17's jpackage does not use WiX 4 or newer). Checks them first and
  says what is missing. Writes into packaging\target\installers\.

.PARAMETER Verify
  After the build, runs the app-image's console launcher (cityops-cli.exe --version and --help)
  and checks that the version and the commit are printed.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File packaging\windows\build-installers.ps1 -Verify
#>
param([switch] $Verify)
$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '..\..')
Set-Location $root

function Require([string] $command, [string] $hint) {
  if (-not (Get-Command $command -ErrorAction SilentlyContinue)) {
    throw "$command not found on PATH: $hint"
  }
}
Require 'java' 'install a JDK 17+ (e.g. Temurin, Kona, Dragonwell) and put its bin on PATH'
Require 'jpackage' 'the JDK on PATH has no jpackage: use a full JDK 17+, not a JRE'
Require 'mvn' 'install Maven 3.8+ and put its bin on PATH'
Require 'candle.exe' 'install WiX Toolset 3.x (3.11 or 3.14) and put its bin on PATH'
Require 'light.exe' 'install WiX Toolset 3.x (3.11 or 3.14) and put its bin on PATH'

$javaVersion = (& java -XshowSettings:properties -version 2>&1 | Select-String 'java.version = ').ToString().Split('=')[1].Trim()
Write-Host "JDK $javaVersion, $((& mvn -v | Select-Object -First 1))"
if ([int]($javaVersion.Split('.')[0]) -lt 17) { throw "JDK $javaVersion is older than 17" }

$start = Get-Date
& mvn -B -Pinstaller -DskipTests package
if ($LASTEXITCODE -ne 0) { throw "mvn failed with exit code $LASTEXITCODE" }
$seconds = [int]((Get-Date) - $start).TotalSeconds

$out = Join-Path $root 'packaging\target\installers'
Write-Host "`nbuilt in $seconds s, in $out"
Get-ChildItem $out -File | ForEach-Object { '{0,-40} {1,8:n1} MiB' -f $_.Name, ($_.Length / 1MB) }
$image = Join-Path $out 'CityOps'
'{0,-40} {1,8:n1} MiB' -f 'CityOps\ (app-image)', ((Get-ChildItem $image -Recurse -File | Measure-Object Length -Sum).Sum / 1MB)

if ($Verify) {
  $cli = Join-Path $image 'cityops-cli.exe'
  $version = & $cli --version
  $version | ForEach-Object { "  $_" }
  if (-not ($version -match '^CityOps Console ')) { throw 'cityops-cli --version did not print the version' }
  if (-not ($version -match '^commit ')) { throw 'cityops-cli --version did not print the commit' }
  $help = (& $cli --help) -join "`n"
  if (-not ($help -match '--data-dir' -and $help -match 'LOCALAPPDATA')) { throw '--help is incomplete' }
  Write-Host 'verified: the app-image runs and prints its version, commit and help'
  Write-Host "install: $out\CityOps-*.msi (per machine, Start menu + desktop shortcut), then run"
  Write-Host "  `"$env:ProgramFiles\CityOps\cityops-cli.exe`" --version"
}
