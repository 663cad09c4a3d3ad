<#
.SYNOPSIS
  Keeps CityOps Console running on a video-wall PC: starts it with the kiosk options and starts it
  again whenever it exits (docs/wall-setup.md). Run by the "CityOps Kiosk" scheduled task that
  install-kiosk-task.ps1 registers; can also be run by hand to try the options.

.PARAMETER Arguments
  The app's options. Default: --kiosk --wall %APPDATA%\CityOps\wall.json
  (until the app has --kiosk/--wall, pass e.g. "--server https://... --theme dark").

.PARAMETER Launcher
  The app's launcher. Default: CityOps.exe in the per-machine install folder.
#>
param(
  [string] $Arguments = "--kiosk --wall `"$env:APPDATA\CityOps\wall.json`"",
  [string] $Launcher = "$env:ProgramFiles\CityOps\CityOps.exe",
  [int] $RestartDelaySeconds = 5
)
$ErrorActionPreference = 'Stop'
$logDir = Join-Path $env:LOCALAPPDATA 'CityOps\logs'
New-Item -ItemType Directory -Force -Path $logDir | Out-Null
$log = Join-Path $logDir 'kiosk-runner.log'

function Write-Log([string] $message) {
  $line = '{0:yyyy-MM-ddTHH:mm:ssK} {1}' -f (Get-Date), $message
  Add-Content -Path $log -Value $line -Encoding UTF8
  # Keep the runner's own log small: the last 1000 lines.
  $lines = Get-Content -Path $log -Encoding UTF8
  if ($lines.Count -gt 1200) { $lines | Select-Object -Last 1000 | Set-Content -Path $log -Encoding UTF8 }
}

if (-not (Test-Path $Launcher)) {
  Write-Log "launcher not found: $Launcher"
  exit 1
}
Write-Log "kiosk runner started: $Launcher $Arguments"
while ($true) {
  $started = Get-Date
  $process = Start-Process -FilePath $Launcher -ArgumentList $Arguments -PassThru
  $null = $process.Handle  # keep the handle, or ExitCode can come back empty
  $process.WaitForExit()
  $code = $process.ExitCode
  Write-Log ("app exited with code {0} after {1:n0} s" -f $code, ((Get-Date) - $started).TotalSeconds)
  if ($code -eq 2) {
    # Bad options: starting again cannot fix that. The app's log says which option.
    Write-Log 'exit code 2 (bad options): not restarting; fix the task''s arguments'
    exit 2
  }
  if ($code -eq 0) {
    # An administrator left kiosk mode with the PIN (Ctrl+Alt+Shift+Q): stay stopped.
    Write-Log 'exit code 0 (administrator left kiosk mode): not restarting'
    exit 0
  }
  Start-Sleep -Seconds $RestartDelaySeconds
}
